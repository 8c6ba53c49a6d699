package org.opencsc.children;

import java.time.Instant;
import java.time.LocalDate;

/** A contact accepted as a referral to children's social care (a CIN census episode starts). */
public record Referral(
    String id,
    String childId,
    String contactId,
    LocalDate referralDate,
    String source,
    String primaryNeed,
    Instant acceptedAt) {}
