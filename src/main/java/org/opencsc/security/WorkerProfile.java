package org.opencsc.security;

/** Facts about a worker kept as Camunda user info, so a council's directory can supply them too. */
public final class WorkerProfile {

  /** ISO date the worker qualified as a social worker; within a year of it they are an NQSW. */
  public static final String QUALIFIED_ON = "qualifiedOn";

  private WorkerProfile() {}
}
