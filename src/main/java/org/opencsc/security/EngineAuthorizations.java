package org.opencsc.security;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.springframework.stereotype.Component;

/**
 * Turns the engine's authorization checks on in every profile (groups are roles, whatever directory
 * supplies them) and lets /api requests run as the application (see {@link ApplicationWork}).
 * Candidate groups and assignees of a task get READ and UPDATE on it from the engine itself: UPDATE
 * (which includes TASK_WORK) lets them claim, hand back (unclaim) and complete it; TASK_WORK alone
 * would leave a worker unable to hand a claimed task back to the team. A team's or worker's grant ends
 * when the task stops being offered or assigned to them ({@link TaskGrantsFollowCandidatesAndAssignee}).
 */
@Component
public class EngineAuthorizations extends AbstractCamundaConfiguration {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setAuthorizationEnabled(true);
    configuration.setDefaultUserPermissionNameForTask("UPDATE");
    configuration.setResourceAuthorizationProvider(new TaskGrantsFollowCandidatesAndAssignee());
    configuration.setCustomPostCommandInterceptorsTxRequired(
        withApplicationWork(configuration.getCustomPostCommandInterceptorsTxRequired()));
    configuration.setCustomPostCommandInterceptorsTxRequiresNew(
        withApplicationWork(configuration.getCustomPostCommandInterceptorsTxRequiresNew()));
  }

  private static List<CommandInterceptor> withApplicationWork(List<CommandInterceptor> existing) {
    List<CommandInterceptor> interceptors = existing == null ? new ArrayList<>() : new ArrayList<>(existing);
    interceptors.add(new ApplicationWork.Interceptor());
    return interceptors;
  }
}
