package org.opencsc.api;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Whether a failure means PostgreSQL cannot be reached (down, restarting, no free connection), as
 * Spring reports it or as the engine wraps the driver's error. The request was not carried out; the
 * caller may simply try again, so the answer is 503, not 500.
 */
public final class DatabaseUnavailable {

  public static final String MESSAGE = "The database is not available; try again shortly";

  private DatabaseUnavailable() {}

  public static boolean causedBy(Throwable thrown) {
    return causedBy(thrown, 0);
  }

  private static boolean causedBy(Throwable thrown, int depth) {
    if (thrown == null || depth > 3) {
      return false;
    }
    for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
      // the connection broke mid-transaction: the rollback fails too, and hides the first error
      if (t instanceof TransactionSystemException tx
          && (causedBy(tx.getApplicationException(), depth + 1) || connectionClosed(tx.getCause()))) {
        return true;
      }
      if (t instanceof java.net.SocketException) {
        return true;
      }
      for (Throwable suppressed : t.getSuppressed()) {
        if (causedBy(suppressed, depth + 1)) {
          return true;
        }
      }
      if (t instanceof CannotCreateTransactionException
          || t instanceof DataAccessResourceFailureException // includes CannotGetJdbcConnectionException
          || t instanceof TransientDataAccessResourceException
          || t instanceof RecoverableDataAccessException
          || t instanceof SQLTransientConnectionException
          || t instanceof SQLNonTransientConnectionException
          || t instanceof SQLRecoverableException) {
        return true;
      }
      // 08: connection exception; 57P: the server is shutting down, starting up or was restarted.
      if (t instanceof SQLException sql && sql.getSQLState() != null
          && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
        return true;
      }
    }
    return false;
  }

  /** The pool's answer when the connection it handed out was lost with the database. */
  private static boolean connectionClosed(Throwable cause) {
    return cause instanceof SQLException sql && sql.getMessage() != null
        && sql.getMessage().contains("Connection is closed");
  }
}
