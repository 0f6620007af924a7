package org.leadhandoff.system;

import java.sql.SQLException;
import java.sql.SQLTransientException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

/** Tells a lead store that cannot be reached (the database is down or restarting) from a bug. */
public final class StoreOutages {

  private StoreOutages() {}

  public static boolean isOutage(Throwable failure) {
    return Causes.any(
        failure,
        t ->
            t instanceof CannotCreateTransactionException
                || t instanceof DataAccessResourceFailureException
                || t instanceof TransientDataAccessException
                || t instanceof SQLTransientException
                || (t instanceof SQLException sql
                    && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("08")));
  }
}
