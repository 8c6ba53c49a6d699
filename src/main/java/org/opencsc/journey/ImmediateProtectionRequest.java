package org.opencsc.journey;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * Body of POST /api/children/{childId}/immediate-protection.
 *
 * @param type POLICE_PROTECTION or EMERGENCY_PROTECTION_ORDER
 * @param startedAt when the police took the child into protection or the order was made
 * @param childRemoved whether the child was removed from home (then they become looked after)
 * @param placementStart when the child's placement started, if different from startedAt
 */
public record ImmediateProtectionRequest(String type, OffsetDateTime startedAt, Boolean childRemoved,
    LocalDate placementStart) {}
