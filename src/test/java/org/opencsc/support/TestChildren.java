package org.opencsc.support;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A child record for tests that start one statutory model on its own (without a contact and the
 * whole journey), and the variables the journey passes to every called model.
 */
@Component
public class TestChildren {

  private final JdbcTemplate jdbc;

  public TestChildren(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Records a child born on {@code dateOfBirth} (ISO) and returns its id. */
  public String create(String dateOfBirth) {
    String id = UUID.randomUUID().toString();
    jdbc.update("INSERT INTO child (id, la_child_id, first_name, last_name, date_of_birth, sex, ethnicity, created_at) "
        + "VALUES (?, ?, 'Test', 'Child', ?, 'F', 'WBRI', CURRENT_TIMESTAMP)",
        id, "T" + id.replace("-", "").substring(0, 12), java.time.LocalDate.parse(dateOfBirth));
    return id;
  }

  /** The variables child-journey passes into a called model, for a case held by {@code worker} in {@code team}. */
  public static Map<String, Object> journeyVariables(String childId, String worker, String team) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("childId", childId);
    variables.put("childName", "Test Child");
    variables.put("laChildId", "T-" + childId.substring(0, 8));
    variables.put("allocatedWorker", worker);
    variables.put("caseTeam", team);
    return variables;
  }
}
