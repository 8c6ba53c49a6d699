package org.opencsc.simulation;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** The simulate profile writes made-up children: never beside prod, and only with the demo users. */
class SimulationProfileGuardTest {

  @Test
  void theSimulationRefusesToRunWithTheProdProfile() {
    MockEnvironment environment = new MockEnvironment();
    environment.setActiveProfiles("postgres", "simulate", "demo", "prod");
    assertThatThrownBy(() -> SimulationRunner.refuseOutsideADemo(environment))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("prod");
  }

  @Test
  void theSimulationNeedsTheDemoUsers() {
    MockEnvironment environment = new MockEnvironment();
    environment.setActiveProfiles("postgres", "simulate");
    assertThatThrownBy(() -> SimulationRunner.refuseOutsideADemo(environment))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("demo");
  }

  @Test
  void aDemoSimulationRuns() {
    MockEnvironment environment = new MockEnvironment();
    environment.setActiveProfiles("simulate", "demo");
    assertThatCode(() -> SimulationRunner.refuseOutsideADemo(environment)).doesNotThrowAnyException();
  }
}
