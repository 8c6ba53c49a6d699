package org.opencsc.oversight;

import java.time.Instant;
import java.util.Map;

/**
 * One line of a child's audit trail: what happened, when, and who did it.
 *
 * @param kind e.g. CONTACT_RECEIVED, TASK_CREATED, TASK_CLAIMED, TASK_COMPLETED, DECISION,
 *     SIGN_OFF, REASSIGNED, ALLOCATION, TRANSFER, DEADLINE_SET, DEADLINE_WARNED, DEADLINE_MET,
 *     DEADLINE_BREACHED, BREACH_REASON, SERVICE_MANAGER_REVIEW, STAGE_STARTED, STAGE_ENDED
 */
public record AuditEntry(Instant at, String kind, String user, String what, String stage,
    Map<String, Object> details) {}
