package org.opencsc.simulation;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** What a simulated year did, and whether the invariants hold at its end. */
public record SimulationReport(
    SimulationSettings settings,
    Duration elapsed,
    Duration simulatingThreadCpu,
    int contactsReceived,
    int journeysStarted,
    int contactsJoiningOpenJourneys,
    int journeysOpen,
    int journeysClosed,
    Map<String, Integer> journeysByCurrentStage,
    Map<String, Integer> childrenEnteringStage,
    Map<String, Integer> childrenWithRecord,
    Map<String, Integer> taskCompletions,
    int timersFired,
    int otherJobsRun,
    int jobFailures,
    Map<String, Integer> deadlinesByStatus,
    int deadlinesWarned,
    DatabaseSize databaseSize,
    Map<String, String> completionFailures,
    List<String> invariantViolations) {

  /** Size of the database per child: bytes on PostgreSQL, rows on H2 (H2 cannot report sizes per table). */
  public record DatabaseSize(String database, long children, long total, String unit) {
    public long perChild() {
      return children == 0 ? 0 : total / children;
    }

    @Override
    public String toString() {
      return database + ": " + total + " " + unit + " for " + children + " children in the database = "
          + perChild() + " " + unit + " per child";
    }
  }

  public int taskCompletionsTotal() {
    return taskCompletions.values().stream().mapToInt(Integer::intValue).sum();
  }

  public String format() {
    StringBuilder out = new StringBuilder();
    out.append("Council-year simulation: ").append(settings.description()).append('\n');
    out.append("  ").append(settings.days()).append(" days from ").append(settings.start()).append(", seed ")
        .append(settings.seed()).append(", late share ").append(settings.lateShare()).append(", children ")
        .append(settings.laChildIdPrefix()).append("-*, elapsed ").append(elapsed.toSeconds()).append(" s (CPU of the simulating thread ")
        .append(simulatingThreadCpu.toSeconds()).append(" s)\n");
    out.append("Contacts received: ").append(contactsReceived).append(" (").append(journeysStarted)
        .append(" started a journey, ").append(contactsJoiningOpenJourneys).append(" joined an open one)\n");
    out.append("Journeys: ").append(journeysOpen).append(" open, ").append(journeysClosed).append(" closed\n");
    section(out, "Open journeys by current stage", journeysByCurrentStage);
    section(out, "Children who entered each stage (process started)", childrenEnteringStage);
    section(out, "Children with a signed-off record", childrenWithRecord);
    section(out, "Task completions (" + taskCompletionsTotal() + ")", taskCompletions);
    out.append("Timers fired: ").append(timersFired).append("; other jobs run: ").append(otherJobsRun)
        .append("; job failures: ").append(jobFailures).append('\n');
    section(out, "Deadlines by status", deadlinesByStatus);
    out.append("  warned: ").append(deadlinesWarned).append('\n');
    out.append("Database size: ").append(databaseSize).append('\n');
    if (!completionFailures.isEmpty()) {
      out.append("Tasks the simulator could not complete (last error per task):\n");
      completionFailures.forEach((k, v) -> out.append("  ").append(k).append(": ").append(v).append('\n'));
    }
    out.append("Invariants: ").append(invariantViolations.isEmpty() ? "all hold" : invariantViolations.size()
        + " violated").append('\n');
    invariantViolations.stream().limit(50).forEach(v -> out.append("  ").append(v).append('\n'));
    return out.toString();
  }

  private static void section(StringBuilder out, String title, Map<String, Integer> values) {
    out.append(title).append(":\n");
    values.forEach((k, v) -> out.append("  ").append(k).append(": ").append(v).append('\n'));
  }
}
