package org.opencsc.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencsc.deadlines.Deadline;
import org.opencsc.deadlines.DeadlineService;
import org.opencsc.deadlines.DeadlineStatus;
import org.opencsc.support.JourneyDriver;
import org.opencsc.support.JourneyTest;
import org.opencsc.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A background job that fails is not lost: the engine retries it (its retries count down), and when
 * they run out it becomes an incident that Cockpit and the engine's incident query show, with the
 * reason; once the cause is put right and the job given a retry, it runs and the incident is resolved.
 * The failure: the contact decision's deadline-watch warning timer fires while its deadline record
 * cannot be found (the row's id is moved aside, as if the row were missing), so the watch's
 * {@code deadlines.warn(deadlineId)} throws.
 */
@JourneyTest
class FailedJobRetriesAndIncidentsTest {

  // A contact at 10:15 on Friday 27 November 2026 is due Monday 30 November; warning at 00:00 that day.
  static final Instant WARNING = Instant.parse("2026-11-30T00:00:00Z");

  @Autowired ProcessEngine engine;
  @Autowired JourneyDriver driver;
  @Autowired DeadlineService deadlines;
  @Autowired JdbcTemplate jdbc;

  String childId;
  Deadline deadline;
  final String missingId = UUID.randomUUID().toString();

  @BeforeEach
  void aContactWhoseDeadlineRecordIsMissing() {
    TestClock.setLondon("2026-11-27T10:30:00");
    childId = driver.contact("J" + UUID.randomUUID().toString().substring(0, 8), "2026-11-27T10:15:00Z").childId();
    deadline = deadlines.forChild(childId).stream().filter(d -> d.timescaleId().equals("CONTACT_DECISION"))
        .findFirst().orElseThrow();
    assertThat(jdbc.update("UPDATE deadline SET id = ? WHERE id = ?", missingId, deadline.id())).isEqualTo(1);
  }

  @AfterEach
  void restore() {
    jdbc.update("UPDATE deadline SET id = ? WHERE id = ?", deadline.id(), missingId);
    TestClock.reset();
  }

  @Test
  void theFailingTimerIsRetriedUntilItsRetriesRunOutThenShownAsAnIncidentAndRunsOnceRepaired() {
    ManagementService jobs = engine.getManagementService();
    TestClock.set(WARNING);
    Job timer = driver.timers(childId).stream().filter(j -> j.getDuedate().toInstant().equals(WARNING))
        .findFirst().orElseThrow();
    int retries = timer.getRetries();
    assertThat(retries).as("retries a job starts with").isEqualTo(3);

    for (int left = retries - 1; left >= 0; left--) {
      assertThatThrownBy(() -> jobs.executeJob(timer.getId())).hasStackTraceContaining("Unknown deadline");
      Job failed = jobs.createJobQuery().jobId(timer.getId()).singleResult();
      assertThat(failed).as("the failed job is kept, not lost").isNotNull();
      assertThat(failed.getRetries()).as("retries left").isEqualTo(left);
      assertThat(failed.getExceptionMessage()).contains("Unknown deadline");
      assertThat(incidents(timer)).as("an incident only when the retries run out").hasSize(left == 0 ? 1 : 0);
    }

    Incident incident = incidents(timer).get(0);
    assertThat(incident.getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
    assertThat(incident.getIncidentMessage()).contains("Unknown deadline");
    assertThat(incident.getProcessInstanceId()).isEqualTo(timer.getProcessInstanceId());
    assertThat(jobs.createJobQuery().withException().noRetriesLeft().jobId(timer.getId()).count()).isOne();
    assertThat(jobs.createJobQuery().executable().jobId(timer.getId()).count())
        .as("a job without retries waits for someone to look at it").isZero();
    assertThat(deadlines.forChild(childId)).noneMatch(d -> d.warnedAt() != null);

    // Put right, then retried from Cockpit (set retries): the warning is recorded, the incident resolved.
    jdbc.update("UPDATE deadline SET id = ? WHERE id = ?", deadline.id(), missingId);
    jobs.setJobRetries(timer.getId(), 1);
    jobs.executeJob(timer.getId());
    assertThat(incidents(timer)).isEmpty();
    assertThat(jobs.createJobQuery().jobId(timer.getId()).count()).isZero();
    Deadline warned = deadlines.forChild(childId).stream().filter(d -> d.id().equals(deadline.id()))
        .findFirst().orElseThrow();
    assertThat(warned.warnedAt()).isEqualTo(WARNING);
    assertThat(warned.status()).isEqualTo(DeadlineStatus.OPEN);
  }

  private java.util.List<Incident> incidents(Job job) {
    return engine.getRuntimeService().createIncidentQuery().configuration(job.getId()).list();
  }
}
