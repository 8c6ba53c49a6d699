package org.opencsc.returns;

import java.util.List;

/**
 * Ofsted Annex A lists 10 (adoption) and 11 (adopters) from the records of the adoption model. List 11
 * has one row per matched plan, with the child's columns first as in every list; the adopters' own
 * recruitment (enquiry, approval) is not modelled, so those columns stay empty.
 */
final class AdoptionAnnexA {

  /** Plans for adoption open at some time in the period: agreed, not reversed or adopted before it began. */
  private static final String OPEN_IN_PERIOD = """
      a.decision_agreed_at IS NOT NULL AND a.decision_date <= :to
        AND (a.decision_reversed_date IS NULL OR a.decision_reversed_date >= :from)
        AND (a.adoption_order_date IS NULL OR a.adoption_order_date >= :from)""";

  static final AnnexAList LIST_10 = new AnnexAList("List 10 Adoption", List.of(
      "Date of decision that child should be placed for adoption", "Date of placement order", "Date of matching",
      "Date placed for adoption", "Date of adoption order",
      "Date of decision that child should no longer be placed for adoption",
      "Reason child should no longer be placed for adoption", "Number of adopters", "Sex of adopters",
      "Legal status of adopters", "Adopted by own foster carers?"), """
      SELECT %s, a.decision_date, a.placement_order_date, a.match_date, a.placed_date, a.adoption_order_date,
        a.decision_reversed_date, a.reason_reversed, a.number_of_adopters, a.sex_of_adopters,
        a.adopters_legal_status, a.foster_carers_adopting
      FROM adoption a JOIN child c ON c.id = a.child_id
      WHERE""" + " " + OPEN_IN_PERIOD + """

      ORDER BY a.decision_date, c.la_child_id""");

  static final AnnexAList LIST_11 = new AnnexAList("List 11 Adopters", List.of("Date of enquiry",
      "Date of approval", "Date of matching", "Date child placed", "Number of adopters", "Sex of adopters",
      "Legal status of adopters", "The child's foster carers?"), """
      SELECT %s, NULL, NULL, a.match_date, a.placed_date, a.number_of_adopters, a.sex_of_adopters,
        a.adopters_legal_status, a.foster_carers_adopting
      FROM adoption a JOIN child c ON c.id = a.child_id
      WHERE a.match_date IS NOT NULL AND a.match_date <= :to AND""" + " " + OPEN_IN_PERIOD + """

      ORDER BY a.match_date, c.la_child_id""");

  private AdoptionAnnexA() {}
}
