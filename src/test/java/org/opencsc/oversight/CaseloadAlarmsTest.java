package org.opencsc.oversight;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opencsc.support.Api;
import org.opencsc.support.JourneyDriver;
import org.opencsc.support.JourneyTest;
import org.opencsc.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * Caseload and unallocated alarms for the localities team seeded above its limits through the engine:
 * Lucy (newly qualified, protected caseload of 10) is given 11 cases, and referrals wait for allocation.
 */
@JourneyTest
class CaseloadAlarmsTest {

  @Autowired JourneyDriver driver;
  @Autowired TestRestTemplate rest;

  @Test
  void aNewlyQualifiedWorkerAboveTheProtectedCaseloadAndACaseUnallocatedOver24HoursRaiseAlarms() {
    OverLimitSeed.giveLucyElevenCases(driver);
    // referred Mon 2 Jun 2025 09:00 and Tue 3 Jun 09:00; looked at Tue 3 Jun 10:00 = 25 and 1 hours waiting
    TestClock.setLondon("2025-06-02T09:00:00");
    String waitingLong = driver.contact("OV-WAIT-25H", "2025-06-02T08:00:00Z").childId();
    driver.referForAllocation(waitingLong);
    TestClock.setLondon("2025-06-03T09:00:00");
    String waitingShort = driver.contact("OV-WAIT-1H", "2025-06-03T07:30:00Z").childId();
    driver.referForAllocation(waitingShort);
    TestClock.setLondon("2025-06-03T10:00:00");

    JsonNode overview = new Api(rest, "tina").get("/api/oversight/caseloads").json();
    JsonNode lucy = find(overview.get("workers"), "userId", "lucy");
    assertThat(lucy.get("newlyQualified").asBoolean()).isTrue();
    assertThat(lucy.get("limit").asInt()).isEqualTo(10);
    assertThat(lucy.get("cases").asInt()).isGreaterThanOrEqualTo(11);
    assertThat(lucy.get("overLimit").asBoolean()).isTrue();
    assertThat(find(overview.get("teams"), "team", "localities").get("workersOverLimit").asInt()).isPositive();
    assertThat(overview.get("managerActionAbove").asInt()).isEqualTo(30);
    JsonNode longWait = find(overview.get("unallocated"), "childId", waitingLong);
    assertThat(longWait.get("hoursWaiting").asLong()).isEqualTo(25);
    assertThat(longWait.get("alarm").asBoolean()).isTrue();
    JsonNode shortWait = find(overview.get("unallocated"), "childId", waitingShort);
    assertThat(shortWait.get("hoursWaiting").asLong()).isEqualTo(1);
    assertThat(shortWait.get("alarm").asBoolean()).isFalse();
    assertThat(texts(overview.get("alarms")))
        .anySatisfy(a -> assertThat(a).contains("Lucy").contains("protected caseload of a newly qualified worker (10)"))
        .anySatisfy(a -> assertThat(a).contains("unallocated for more than 24 hours"));

    // ALLOCATION is due 24 hours after the referral: Tue 3 Jun, so due this week, not yet overdue
    JsonNode board = new Api(rest, "tina").get("/api/oversight/deadlines").json();
    JsonNode allocation = find(board.get("items"), "childId", waitingLong);
    assertThat(allocation.get("timescaleId").asText()).isEqualTo("ALLOCATION");
    assertThat(allocation.get("overdue").asBoolean()).isFalse();
    assertThat(allocation.get("team").asText()).isEqualTo("front-door");
  }

  @Test
  void aWorkerSeesOnlyTheirOwnCaseloadAndDeadlinesAndNoUnallocatedList() {
    OverLimitSeed.giveLucyElevenCases(driver);
    JsonNode overview = new Api(rest, "lucy").get("/api/oversight/caseloads").json();
    assertThat(overview.get("workers")).singleElement().satisfies(w -> assertThat(w.get("userId").asText()).isEqualTo("lucy"));
    assertThat(overview.get("unallocated")).isEmpty();
    JsonNode board = new Api(rest, "lucy").get("/api/oversight/deadlines").json();
    assertThat(board.get("items")).allSatisfy(i -> assertThat(i.get("worker").asText()).isEqualTo("lucy"));
  }

  static JsonNode find(JsonNode array, String field, String value) {
    for (JsonNode node : array) {
      if (value.equals(node.path(field).asText())) {
        return node;
      }
    }
    throw new AssertionError("No " + field + "=" + value + " in " + array);
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(n -> texts.add(n.asText()));
    return texts;
  }

  /** Lucy's caseload taken above her protected limit, each case referred and allocated through the engine. */
  static final class OverLimitSeed {

    private static boolean seeded;

    private OverLimitSeed() {}

    static synchronized void giveLucyElevenCases(JourneyDriver driver) {
      if (seeded) {
        return;
      }
      TestClock.setLondon("2025-05-01T10:00:00");
      for (int i = 1; i <= 11; i++) {
        String childId = driver.contact("OV-LUCY-" + i, "2025-05-01T08:00:00Z").childId();
        driver.referForAllocation(childId);
        driver.complete("tina", childId, "Task_AllocateSocialWorker", Map.of("allocatedWorker", "lucy",
            "overLimitReason", "Siblings kept with one worker while the team recruits"));
      }
      seeded = true;
    }
  }
}
