package org.opencsc.oversight;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.opencsc.api.ForbiddenException;
import org.opencsc.api.InvalidRequestException;
import org.opencsc.security.Roles;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The managers' oversight API. Every answer is scoped per record to the signed-in user
 * ({@link OversightScope}): a worker sees their own, a manager their teams, auditors all.
 */
@RestController
public class OversightController {

  private final DeadlinesBoard board;
  private final CaseloadOverview caseloads;
  private final TimelinessMeasures measures;

  public OversightController(DeadlinesBoard board, CaseloadOverview caseloads, TimelinessMeasures measures) {
    this.board = board;
    this.caseloads = caseloads;
    this.measures = measures;
  }

  @GetMapping("/api/oversight/deadlines")
  public DeadlinesBoard.Board deadlines() {
    return board.board(OversightScope.current());
  }

  @GetMapping("/api/oversight/caseloads")
  public CaseloadOverview.Overview caseloads() {
    return caseloads.overview(OversightScope.current());
  }

  public record MeasuresReport(LocalDate from, LocalDate to, String team, List<Measure> measures) {}

  /** {@code from} and {@code to} inclusive (ISO dates); optional {@code team}; {@code legacy=true} adds NI 59/60. */
  @GetMapping("/api/oversight/measures")
  public MeasuresReport measures(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
      @RequestParam(required = false) String team, @RequestParam(defaultValue = "false") boolean legacy) {
    LocalDate start = isoDate("from", from);
    LocalDate end = isoDate("to", to);
    if (end.isBefore(start)) {
      throw InvalidRequestException.of("to", "must not be before from");
    }
    OversightScope scope = OversightScope.current();
    if (team != null && !team.isBlank()) {
      if (!Roles.TEAMS.contains(team)) {
        throw InvalidRequestException.of("team", "must be one of " + Roles.TEAMS);
      }
      if (!scope.seesTeam(team)) {
        throw new ForbiddenException("You may see the measures of your own team only");
      }
      scope = new OversightScope(Set.of(team), scope.worker());
    }
    return new MeasuresReport(start, end, team, measures.measures(start, end, scope, legacy));
  }

  private static LocalDate isoDate(String field, String value) {
    if (value == null || value.isBlank()) {
      throw InvalidRequestException.of(field, "is required (YYYY-MM-DD)");
    }
    try {
      return LocalDate.parse(value);
    } catch (java.time.format.DateTimeParseException e) {
      throw InvalidRequestException.of(field, "must be a date YYYY-MM-DD");
    }
  }
}
