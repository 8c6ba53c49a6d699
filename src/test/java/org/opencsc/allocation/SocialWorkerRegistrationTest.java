package org.opencsc.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.opencsc.support.Api;
import org.opencsc.support.JourneyTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/** An administrator records each worker's SW_ID for the SSDA903 SWEpisodes table; nobody else may. */
@JourneyTest
class SocialWorkerRegistrationTest {

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;

  @Test
  void anAdministratorRecordsAWorkersSwIdAndCanCorrectIt() {
    Api admin = new Api(rest, "admin");
    Api.Reply recorded = admin.put("/api/workers/mark/sw-id", "{\"swId\": \"SW400123\"}");
    assertThat(recorded.status()).isEqualTo(200);
    assertThat(recorded.json().get("swId").asText()).isEqualTo("SW400123");
    assertThat(admin.put("/api/workers/mark/sw-id", "{\"swId\": \" SW400124 \"}").status()).isEqualTo(200);

    assertThat(admin.get("/api/workers/mark/sw-id").json().get("swId").asText()).isEqualTo("SW400124");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM social_worker_registration WHERE user_id = 'mark'",
        Integer.class)).isEqualTo(1);
  }

  @Test
  void aBadOrDuplicateSwIdIsRefusedNamingTheFieldAndNothingChanges() {
    Api admin = new Api(rest, "admin");
    String before = admin.get("/api/workers/sam/sw-id").json().get("swId").asText();

    for (String body : new String[] {"{\"swId\": \"123456\"}", "{\"swId\": \"SW 12\"}", "{}",
        "{\"swId\": \"" + admin.get("/api/workers/fiona/sw-id").json().get("swId").asText() + "\"}"}) {
      Api.Reply refused = admin.put("/api/workers/sam/sw-id", body);
      assertThat(refused.status()).as(body).isEqualTo(400);
      assertThat(refused.json().get("fieldErrors").get(0).get("field").asText()).isEqualTo("swId");
    }
    assertThat(admin.get("/api/workers/sam/sw-id").json().get("swId").asText()).isEqualTo(before);
    assertThat(admin.put("/api/workers/nobody-here/sw-id", "{\"swId\": \"SW1\"}").status()).isEqualTo(404);
  }

  @Test
  void onlyAdministratorsMayRecordOrReadThem() {
    for (String user : new String[] {"sam", "tina", "sue", "audrey"}) {
      assertThat(new Api(rest, user).put("/api/workers/" + user + "/sw-id", "{\"swId\": \"SW777\"}").status())
          .as(user).isEqualTo(403);
      assertThat(new Api(rest, user).get("/api/workers/sam/sw-id").status()).as(user).isEqualTo(403);
    }
    assertThat(new Api(rest, null).get("/api/workers/sam/sw-id").status()).isEqualTo(401);
  }
}
