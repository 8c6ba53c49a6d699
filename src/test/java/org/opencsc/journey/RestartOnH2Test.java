package org.opencsc.journey;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default deployment (embedded H2 in file mode): a case and its timers survive a restart of the
 * application. Two real starts, one after the other, on one database file in a fresh directory.
 */
class RestartOnH2Test {

  @TempDir Path dataDir;

  @Test
  void theCaseItsDeadlinesAndItsTimersSurviveARestartAndTheJourneyGoesOn() {
    String url = "jdbc:h2:file:" + dataDir.resolve("csc").toAbsolutePath()
        + ";DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000";
    new RestartScenario("h2", List.of(), Map.of(
        "spring.datasource.url", url,
        "spring.datasource.username", "sa",
        "spring.datasource.password", ""))
        .run();
  }
}
