package org.treatywatch.store;

import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;

/**
 * The H2 errors after which this process cannot use its database again. After a failed write (a
 * full disk) H2 closes the database for good: every later statement fails with "the database has
 * been closed", even once space is free, so only a restart brings the service back.
 */
public final class FatalErrors {
    private FatalErrors() {}

    // org.h2.api.ErrorCode: DATABASE_IS_CLOSED, DATABASE_CALLED_AT_SHUTDOWN, FILE_CORRUPTED_1, NO_DISK_SPACE_AVAILABLE
    private static final Set<Integer> CODES = Set.of(90098, 90121, 90030, 90100);

    private static final int MAX_DEPTH = 20;

    /** The fatal H2 error in this exception or its causes, if there is one. */
    public static Optional<SQLException> find(Throwable e) {
        int depth = 0;
        for (Throwable t = e; t != null && depth++ < MAX_DEPTH; t = t.getCause()) { // H2's causes can loop
            if (t instanceof SQLException s) {
                for (SQLException n = s; n != null; n = n.getNextException()) {
                    if (CODES.contains(n.getErrorCode())) return Optional.of(n);
                }
            }
        }
        return Optional.empty();
    }

    /** "H2 error 90098: The database has been closed", without H2's version suffix and SQL text. */
    public static String describe(SQLException e) {
        String message = String.valueOf(e.getMessage()).split("\n", 2)[0].replaceAll("\\s*\\[\\d+-\\d+]\\s*$", "");
        return "H2 error " + e.getErrorCode() + ": " + message;
    }
}
