package org.opencsc.security;

import java.util.concurrent.Callable;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.context.Context;

/**
 * Engine calls the project's own code makes while serving an /api request. The request was already
 * allowed by its role rule ({@link ApiAccessRules}); what the code then asks of the engine (start the
 * journey for a contact, correlate a change, read the child's history for the audit view) is the
 * application's work, so the engine's per-user authorization checks are skipped for it. The user
 * stays signed in to the engine, so history and the user operation log still name them.
 */
public final class ApplicationWork {

  private static final ThreadLocal<Boolean> ACTIVE = ThreadLocal.withInitial(() -> false);

  private ApplicationWork() {}

  public static boolean active() {
    return ACTIVE.get();
  }

  /** Runs {@code work} as the application (used around each /api request). */
  public static <T> T during(Callable<T> work) throws Exception {
    boolean outer = ACTIVE.get();
    ACTIVE.set(true);
    try {
      return work.call();
    } finally {
      ACTIVE.set(outer);
    }
  }

  /** Placed after the engine's command context interceptor, so the context of the command exists. */
  static final class Interceptor extends CommandInterceptor {

    @Override
    public <T> T execute(Command<T> command) {
      if (!active()) {
        return next.execute(command);
      }
      return Context.getCommandContext().runWithoutAuthorization(() -> next.execute(command));
    }
  }
}
