package org.opencsc.security;

import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.EncryptionUtil;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Profile {@code prod}: the application refuses to start while any demo account (README's users, and
 * Camunda's usual {@code demo}) still has its user name as password, e.g. in a database that once ran
 * the demo. Compares the stored hash rather than calling {@code checkPassword}, because every failed
 * {@code checkPassword} counts as a failed login and would, restart after restart, lock out a real
 * account that happens to be called {@code admin}.
 */
@Component
@Profile("prod")
@Order(30)
public class DemoPasswordGuard extends AbstractCamundaConfiguration {

  private ProcessEngineConfigurationImpl configuration;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    this.configuration = configuration;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    List<String> open = accountsWithDemoPasswords(engine, configuration);
    if (!open.isEmpty()) {
      throw new IllegalStateException("Refusing to start in the prod profile: these accounts still have their demo "
          + "password (the user name): " + String.join(", ", open) + ". Change or remove them in Camunda Admin, "
          + "then start again.");
    }
  }

  static List<String> accountsWithDemoPasswords(ProcessEngine engine, ProcessEngineConfigurationImpl configuration) {
    return Stream.concat(DemoIdentity.USERS.stream().map(DemoIdentity.DemoUser::id), Stream.of("demo"))
        .filter(id -> hasOwnIdAsPassword(engine.getIdentityService().createUserQuery().userId(id).singleResult(),
            configuration))
        .toList();
  }

  /** Only accounts of the engine's own database have a password here; a directory enforces its own. */
  private static boolean hasOwnIdAsPassword(User user, ProcessEngineConfigurationImpl configuration) {
    if (!(user instanceof UserEntity stored) || stored.getPassword() == null) {
      return false;
    }
    String salted = EncryptionUtil.saltPassword(stored.getId(), stored.getSalt());
    return configuration.getPasswordManager().check(salted, stored.getPassword());
  }
}
