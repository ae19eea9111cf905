package org.treatywatch.store;

import java.sql.SQLException;

/** A database failure the caller cannot fix by retrying the same input. */
public class StoreException extends RuntimeException {
    public StoreException(SQLException cause) {
        super("database error: " + cause.getMessage(), cause);
    }
}
