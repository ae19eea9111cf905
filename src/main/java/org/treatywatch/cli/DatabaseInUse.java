package org.treatywatch.cli;

/**
 * The embedded H2 database is locked by the process that has it open — a running service. A
 * command that needs it then says so in a line, instead of a driver's pool error.
 */
final class DatabaseInUse {
    /** H2's "Database may be already in use" (DATABASE_ALREADY_OPEN_1). */
    private static final int H2_ALREADY_OPEN = 90020;

    private DatabaseInUse() {}

    static boolean is(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLException s && s.getErrorCode() == H2_ALREADY_OPEN) return true;
            if (t.getMessage() != null && t.getMessage().contains("Database may be already in use")) return true;
        }
        return false;
    }

    /** The line to print; {@code instead} is what to do with the service running. */
    static String message(String instead) {
        return "error: the database is in use by a running treatywatch; stop it, or " + instead;
    }
}
