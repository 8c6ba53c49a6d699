package org.opencsc.deadlines;

public enum DeadlineStatus {
  /** Not yet due, or due and the work not done but the breach not yet marked. */
  OPEN,
  /** The work was done on or before the due date. */
  MET,
  /** The due date passed without the work done (it may have been done later: see metDate). */
  BREACHED,
  /** No longer applies before it fell due, e.g. the child stopped being looked after (see withdrawnReason). */
  WITHDRAWN
}
