package org.opencsc.deadlines;

import java.time.Instant;
import java.time.LocalDate;

/** One computed statutory deadline for one child, kept for listing and audit. */
public record Deadline(
    String id,
    String childId,
    String processInstanceId,
    String timescaleId,
    String policy,
    Instant triggerAt,
    LocalDate triggerDate,
    LocalDate dueDate,
    Instant taskDueAt,
    Instant warningAt,
    Instant breachAt,
    DeadlineStatus status,
    LocalDate metDate,
    Instant warnedAt,
    Instant breachedAt,
    String breachReason,
    String recoveryPlan,
    String breachRecordedBy,
    Instant breachRecordedAt,
    String serviceManagerAction,
    String serviceManagerRecordedBy,
    String withdrawnReason) {}
