package org.opencsc.oversight;

import java.util.List;
import org.opencsc.api.ForbiddenException;
import org.opencsc.api.NotFoundException;
import org.opencsc.children.ChildRepository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** GET /api/children/{childId}/chronology: a worker may read the chronology of a child allocated to them. */
@RestController
public class ChronologyController {

  private final Chronology chronology;
  private final ChildRepository children;
  private final JdbcTemplate jdbc;

  public ChronologyController(Chronology chronology, ChildRepository children, JdbcTemplate jdbc) {
    this.chronology = chronology;
    this.children = children;
    this.jdbc = jdbc;
  }

  @GetMapping("/api/children/{childId}/chronology")
  public List<ChronologyEvent> chronology(@PathVariable String childId) {
    if (children.findById(childId).isEmpty()) {
      throw new NotFoundException("No child with id " + childId);
    }
    OversightScope scope = OversightScope.current();
    CaseTeams.Holder holder = CaseTeams.load(jdbc).now(childId);
    if (scope.worker() != null && !scope.worker().equals(holder.worker()) && !scope.seesTeam(holder.team())) {
      throw new ForbiddenException("You may read the chronology of your own team's cases only");
    }
    return chronology.forChild(childId);
  }
}
