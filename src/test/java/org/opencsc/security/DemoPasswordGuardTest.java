package org.opencsc.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.opencsc.support.JourneyTest;
import org.springframework.beans.factory.annotation.Autowired;

/** The prod profile's start-up check, run against the demo identity the test context creates. */
@JourneyTest
class DemoPasswordGuardTest {

  @Autowired ProcessEngine engine;

  @Test
  void startUpIsRefusedWhileDemoAccountsStillHaveTheirDemoPasswords() {
    ProcessEngineConfigurationImpl configuration = ((ProcessEngineImpl) engine).getProcessEngineConfiguration();
    DemoPasswordGuard guard = new DemoPasswordGuard();
    guard.preInit(configuration);
    assertThatThrownBy(() -> guard.postProcessEngineBuild(engine))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Refusing to start in the prod profile")
        .hasMessageContaining("admin")
        .hasMessageContaining("audrey");
  }

  @Test
  void anAccountWhosePasswordIsNotItsNameIsNotReported() {
    ProcessEngineConfigurationImpl configuration = ((ProcessEngineImpl) engine).getProcessEngineConfiguration();
    User demo = engine.getIdentityService().newUser("demo");
    demo.setPassword("Changed-before-go-live-1");
    engine.getIdentityService().saveUser(demo);
    try {
      assertThat(DemoPasswordGuard.accountsWithDemoPasswords(engine, configuration))
          .contains("fiona", "admin")
          .doesNotContain("demo");
    } finally {
      engine.getIdentityService().deleteUser("demo");
    }
  }
}
