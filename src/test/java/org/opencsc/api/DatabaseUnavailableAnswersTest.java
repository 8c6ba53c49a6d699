package org.opencsc.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.Filter;
import java.sql.SQLTransientConnectionException;
import java.util.function.Supplier;
import org.apache.ibatis.exceptions.PersistenceException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * PostgreSQL down or restarting: /api answers 503 with the contract's JSON error, never 500, whether
 * Spring (opening a transaction, borrowing a connection) or the engine (its own wrapping of the
 * driver's error) reports it, in a controller or while signing in. Other failures keep their answers.
 * The shared PostgreSQL is never stopped: the failures are the exception chains those layers build.
 */
class DatabaseUnavailableAnswersTest {

  static final ObjectMapper JSON = new ObjectMapper();

  static PSQLException connectionRefused() {
    return new PSQLException("Connection to 127.0.0.1:5432 refused. Check that the hostname and port are correct",
        PSQLState.CONNECTION_UNABLE_TO_CONNECT);
  }

  static CannotCreateTransactionException noTransaction() {
    return new CannotCreateTransactionException("Could not open JDBC Connection for transaction",
        new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
            new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out after 30000ms.",
                "08001", connectionRefused())));
  }

  static ProcessEngineException engineLostItsConnection() {
    // As the engine's ExceptionUtil wraps a MyBatis failure: engine exception → PersistenceException → driver.
    PSQLException terminated = new PSQLException("FATAL: terminating connection due to administrator command",
        PSQLState.CONNECTION_FAILURE);
    return new ProcessEngineException("An exception occurred in the persistence layer. Please check the server logs"
        + " for a detailed message and the entire exception stack trace.", new PersistenceException(
            "### Error querying database.  Cause: " + terminated, terminated));
  }

  @Test
  void springsConnectionFailuresAnswer503WithTheJsonError() throws Exception {
    assertDatabaseUnavailable(answer(DatabaseUnavailableAnswersTest::noTransaction));
    assertDatabaseUnavailable(answer(() -> new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
        connectionRefused())));
    assertDatabaseUnavailable(answer(() -> new DataAccessResourceFailureException("I/O error", connectionRefused())));
  }

  @Test
  void theEnginesWrappedConnectionErrorsAnswer503() throws Exception {
    assertDatabaseUnavailable(answer(DatabaseUnavailableAnswersTest::engineLostItsConnection));
    assertDatabaseUnavailable(answer(() -> new ProcessEngineException("Could not open connection", noTransaction())));
  }

  @Test
  void aConnectionFailureWhileSigningInAnswers503() throws Exception {
    Filter signIn = (request, response, chain) -> {
      throw engineLostItsConnection(); // the password check reads the engine's identity tables
    };
    MockMvc mvc = MockMvcBuilders.standaloneSetup(new Failing(() -> new IllegalStateException("not reached")))
        .setControllerAdvice(new ApiExceptionHandler())
        .addFilters(new DatabaseUnavailableFilter(), signIn).build();
    assertDatabaseUnavailable(mvc.perform(get("/api/fail")).andReturn().getResponse());
  }

  @Test
  void otherFailuresKeepTheirAnswers() throws Exception {
    assertThat(answer(() -> new OptimisticLockingException("changed")).getStatus()).isEqualTo(409);
    // An engine failure that is not about the connection is not turned into a 503.
    assertThatThrownBy(() -> answer(() -> new BadUserRequestException("no such variable")))
        .hasRootCauseInstanceOf(BadUserRequestException.class);
    assertThatThrownBy(() -> answer(() -> new ProcessEngineException("Unknown property used in expression",
        new PersistenceException("syntax error", new PSQLException("syntax error", PSQLState.SYNTAX_ERROR)))))
        .hasRootCauseInstanceOf(PSQLException.class);
    assertThat(DatabaseUnavailable.causedBy(new IllegalArgumentException("x"))).isFalse();
  }

  private static void assertDatabaseUnavailable(MockHttpServletResponse response) throws Exception {
    assertThat(response.getStatus()).isEqualTo(503);
    assertThat(response.getContentType()).startsWith("application/json");
    assertThat(response.getHeader("Retry-After")).isNotBlank();
    JsonNode body = JSON.readTree(response.getContentAsString());
    assertThat(body.get("status").asInt()).isEqualTo(503);
    assertThat(body.get("message").asText()).isEqualTo("The database is not available; try again shortly");
    assertThat(body.get("fieldErrors").isArray()).isTrue();
  }

  private static MockHttpServletResponse answer(Supplier<RuntimeException> failure) throws Exception {
    MockMvc mvc = MockMvcBuilders.standaloneSetup(new Failing(failure))
        .setControllerAdvice(new ApiExceptionHandler()).build();
    return mvc.perform(get("/api/fail")).andReturn().getResponse();
  }

  @RestController
  static class Failing {
    private final Supplier<RuntimeException> failure;

    Failing(Supplier<RuntimeException> failure) {
      this.failure = failure;
    }

    @GetMapping("/api/fail")
    String fail() {
      throw failure.get();
    }
  }
}
