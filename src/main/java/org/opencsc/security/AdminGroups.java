package org.opencsc.security;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.springframework.stereotype.Component;

/** The {@code admins} group (and the webapps' own {@code camunda-admin}) administer the engine in every profile. */
@Component
public class AdminGroups extends AbstractCamundaConfiguration {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setAdminGroups(new ArrayList<>(List.of(Roles.ADMINS, Roles.CAMUNDA_ADMIN)));
  }
}
