package org.opencsc.oversight;

import java.time.LocalDate;

/**
 * One significant event of a child's journey, as a manager reads the chronology.
 *
 * @param kind CONTACT, REFERRAL, ALLOCATION, TRANSFER, ASSESSMENT, STRATEGY_DISCUSSION, SECTION_47,
 *     IMMEDIATE_PROTECTION, CONFERENCE, CP_PLAN, CP_PLAN_ENDED, CORE_GROUP, VISIT, REVIEW, CIN_PLAN,
 *     CIN_PLAN_ENDED, LEGAL_GATEWAY, PROCEEDINGS, HEARING, PLACEMENT, CEASED_CARE, LAC_REVIEW,
 *     PATHWAY_PLAN, CLOSURE
 * @param worker who did or recorded it (a user id), or null when the record does not say
 * @param outcome the decision or result recorded, or null
 */
public record ChronologyEvent(LocalDate date, String kind, String what, String worker, String outcome) {}
