package org.opencsc.api;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Whether a failure means PostgreSQL cannot be reached (down, restarting, no free connection), as
 * Spring reports it or as the engine wraps the driver's error. The request was not carried out; the
 * caller may simply try again, so the answer is 503, not 500.
 */
public final class DatabaseUnavailable {

  public static final String MESSAGE = "The database is not available; try again shortly";

  private DatabaseUnavailable() {}

  public static boolean causedBy(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
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
}
