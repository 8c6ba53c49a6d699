package org.opencsc.care;

import java.time.LocalDate;

/**
 * What one health assessment recorded, as the SSDA903 OC2 table reports it. Every finding but the date
 * may be null: not recorded at this assessment.
 */
public record HealthFindings(LocalDate date, LocalDate dentalCheck, Boolean immunisationsUpToDate, Integer sdqScore,
    String sdqReason, Boolean substanceMisuse, Boolean interventionReceived, Boolean interventionOffered) {}
