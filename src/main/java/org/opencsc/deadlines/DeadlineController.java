package org.opencsc.deadlines;

import java.time.LocalDate;
import java.util.List;
import org.opencsc.api.NotFoundException;
import org.opencsc.children.ChildRepository;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class DeadlineController {

  private final DeadlineService deadlines;
  private final ChildRepository children;

  public DeadlineController(DeadlineService deadlines, ChildRepository children) {
    this.deadlines = deadlines;
    this.children = children;
  }

  @GetMapping("/api/children/{childId}/deadlines")
  public List<DeadlineView> deadlines(@PathVariable String childId) {
    if (children.findById(childId).isEmpty()) {
      throw new NotFoundException("No child with id " + childId);
    }
    return deadlines.forChild(childId).stream().map(DeadlineView::of).toList();
  }

  /** The contract's fields first; the rest help a manager or auditor see why. */
  public record DeadlineView(
      String timescaleId,
      String policy,
      LocalDate triggerDate,
      LocalDate dueDate,
      DeadlineStatus status,
      LocalDate metDate,
      String deadlineId,
      String dueAt,
      String warnedAt,
      String breachedAt,
      String breachReason,
      String recoveryPlan,
      String breachRecordedBy,
      String serviceManagerAction,
      String serviceManagerRecordedBy,
      String withdrawnReason) {

    static DeadlineView of(Deadline d) {
      return new DeadlineView(d.timescaleId(), d.policy(), d.triggerDate(), d.dueDate(), d.status(),
          d.metDate(), d.id(), text(d.taskDueAt()), text(d.warnedAt()), text(d.breachedAt()),
          d.breachReason(), d.recoveryPlan(), d.breachRecordedBy(), d.serviceManagerAction(),
          d.serviceManagerRecordedBy(), d.withdrawnReason());
    }

    private static String text(Object value) {
      return value == null ? null : value.toString();
    }
  }
}
