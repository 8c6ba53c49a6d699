package org.opencsc.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.springframework.stereotype.Component;

/**
 * The engine wraps whatever a task listener or expression throws. Case rules (four-eyes refusals,
 * refused field values) are unwrapped again at the outermost command, after the rollback, so every
 * client gets the rule's own exception: the REST API answers 403 or 400 instead of 500.
 */
@Component
public class CaseRuleExceptions extends AbstractCamundaConfiguration {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setCustomPreCommandInterceptorsTxRequired(with(configuration.getCustomPreCommandInterceptorsTxRequired()));
    configuration.setCustomPreCommandInterceptorsTxRequiresNew(with(configuration.getCustomPreCommandInterceptorsTxRequiresNew()));
  }

  private static List<CommandInterceptor> with(List<CommandInterceptor> existing) {
    List<CommandInterceptor> interceptors = existing == null ? new ArrayList<>() : new ArrayList<>(existing);
    interceptors.add(0, new Unwrap());
    return interceptors;
  }

  static class Unwrap extends CommandInterceptor {

    @Override
    public <T> T execute(Command<T> command) {
      try {
        return next.execute(command);
      } catch (ProcessEngineException e) {
        RuntimeException rule = caseRule(e);
        throw rule != null ? rule : e;
      }
    }
  }

  static RuntimeException caseRule(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof InvalidFieldValue || t instanceof AuthorizationException) {
        return (RuntimeException) t;
      }
    }
    return null;
  }
}
