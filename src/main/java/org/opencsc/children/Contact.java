package org.opencsc.children;

import java.time.Instant;

/** Information received about a child at the front door. */
public record Contact(
    String id,
    String childId,
    Instant receivedAt,
    String source,
    String summary,
    String journeyId,
    String outcome,
    String decisionReason,
    String primaryNeed,
    String decidedBy,
    String signedOffBy,
    Instant decidedAt) {}
