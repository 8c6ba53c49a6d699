package org.opencsc.engine;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Late access to the engine's services. Beans called from BPMN are created while the engine itself
 * is being built, so they must not ask for it in their constructors.
 */
@Component
public class EngineServices {

  private final ObjectProvider<ProcessEngine> engine;

  public EngineServices(ObjectProvider<ProcessEngine> engine) {
    this.engine = engine;
  }

  public TaskService taskService() {
    return engine.getObject().getTaskService();
  }

  public RuntimeService runtimeService() {
    return engine.getObject().getRuntimeService();
  }

  public IdentityService identityService() {
    return engine.getObject().getIdentityService();
  }

  public ProcessEngine engine() {
    return engine.getObject();
  }
}
