package org.opencsc.benchmark;

import java.util.Map;

/**
 * One short statutory journey as its users work it: contact decision (fiona), sign-off (tina),
 * allocation (tina), child and family assessment (the allocated worker), sign-off (mark). The
 * assessment finds no further action, so the journey closes (RC8) and ends.
 */
final class StatutorySteps {

  static final int STEPS_PER_JOURNEY = 5;

  private StatutorySteps() {}

  static Map<String, Object> referral() {
    return Map.of("contactOutcome", "REFERRAL", "decisionReason", "Bruising needs assessment", "primaryNeed", "N1");
  }

  static Map<String, Object> approve() {
    return Map.of("signOffDecision", "APPROVE");
  }

  static Map<String, Object> allocation(String worker) {
    return Map.of("allocatedWorker", worker,
        "overLimitReason", "Benchmark: one demo worker holds the council's cases");
  }

  /** The five steps of {@code childId}'s journey, timed per task key into {@code timings}. */
  static void workThrough(AsDemoUser users, String childId, String worker, StepTimings timings) {
    timings.time("Task_DecideOnContact", () -> users.complete("fiona", childId, "Task_DecideOnContact", referral()));
    timings.time("Task_SignOffContactDecision",
        () -> users.complete("tina", childId, "Task_SignOffContactDecision", approve()));
    timings.time("Task_AllocateSocialWorker",
        () -> users.complete("tina", childId, "Task_AllocateSocialWorker", allocation(worker)));
    timings.time("Task_CarryOutAssessment", () -> users.complete(worker, childId, "Task_CarryOutAssessment",
        StandingPopulation.assessmentValues("NFA")));
    timings.time("Task_SignOffAssessment",
        () -> users.complete("mark", childId, "Task_SignOffAssessment", approve()));
  }
}
