package org.opencsc.timescales;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A deadline worked out from a catalogue entry, with the entry id and policy that produced it.
 *
 * @param taskDueAt   end of the due day (23:59:59 Europe/London); for hour limits the exact due instant
 * @param breachAt    00:00 Europe/London on the day after the due date; for hour limits the exact due instant
 * @param warningAt   when the worker and manager are warned
 * @param earliestDate earliest permitted date, or null when the timescale has none
 */
public record ComputedDeadline(
    String timescaleId,
    String policy,
    Instant triggerAt,
    LocalDate triggerDate,
    LocalDate dueDate,
    Instant taskDueAt,
    Instant breachAt,
    Instant warningAt,
    LocalDate earliestDate) {}
