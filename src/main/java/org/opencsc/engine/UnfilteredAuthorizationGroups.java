package org.opencsc.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Before every authorization check the engine narrows the user's groups to those named by at least one
 * authorization, reading {@code SELECT DISTINCT GROUP_ID_} over the whole authorization table. Task
 * permissions are granted per open task, so that table grows with every case, and the read was the part
 * of each Tasklist request that grew with the population (docs/performance.md). Our users belong to two
 * to four groups, so the narrowing saves nothing: a group no authorization names adds a term to the
 * query that matches no row, and the checks give the same answers without it.
 */
@Component
// on unless switched off, which only the benchmark does, to measure the engine's own behaviour beside it
@ConditionalOnProperty(name = "csc.engine.unfiltered-authorization-groups", havingValue = "true", matchIfMissing = true)
public class UnfilteredAuthorizationGroups extends AbstractCamundaConfiguration {

  @Override
  public void preInit(SpringProcessEngineConfiguration configuration) {
    List<SessionFactory> factories = configuration.getCustomSessionFactories() == null ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomSessionFactories());
    factories.add(new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        return AuthorizationManager.class;
      }

      @Override
      public Session openSession() {
        return new GroupsAsGiven();
      }
    });
    configuration.setCustomSessionFactories(factories);
  }

  static final class GroupsAsGiven extends AuthorizationManager {
    @Override
    public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
      return authenticatedGroupIds == null ? List.of() : new ArrayList<>(authenticatedGroupIds);
    }
  }
}
