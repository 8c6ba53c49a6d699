package org.opencsc.engine;

import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;

/**
 * Registers the project's engine REST error answers with Camunda's Jersey application, through Spring
 * Boot's hook for the Jersey ResourceConfig (the Camunda REST starter's application is that bean).
 */
@Component
public class EngineRestErrors implements ResourceConfigCustomizer {

  @Override
  public void customize(org.glassfish.jersey.server.ResourceConfig config) {
    config.register(TaskOperationErrors.class, TaskOperationErrors.PRIORITY);
    config.register(MalformedRequestErrors.class, TaskOperationErrors.PRIORITY);
    config.register(DeeplyNestedJsonError.class, TaskOperationErrors.PRIORITY);
    config.register(UnreadableRequestErrors.class, TaskOperationErrors.PRIORITY);
    config.register(UnreadableRequestErrors.NotJson.class, TaskOperationErrors.PRIORITY);
    config.register(SubmittedVariables.class);
  }
}
