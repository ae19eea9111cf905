package org.treatywatch.service;

import java.sql.SQLException;
import java.time.Duration;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.treatywatch.store.FatalErrors;

/**
 * What the running service does when its database is gone for good (H2 closed it after a write
 * failed on a full disk, or it is corrupted): nothing can poll, send or answer any more, so it says
 * so and exits non-zero, and the supervisor (systemd's {@code Restart=always}) starts it again on a
 * fresh database connection. Staying up would look alive and do nothing.
 */
final class ExitOnDatabaseFailure implements Consumer<SQLException> {
    private static final Logger log = LoggerFactory.getLogger(ExitOnDatabaseFailure.class);
    /** EX_IOERR (sysexits.h). */
    static final int STATUS = 74;
    /**
     * The shutdown hook closes the service; if that hangs on the broken database (a running poll or
     * send waiting on it), the process halts. Nothing is lost: the database takes no writes any more
     * anyway.
     */
    static final Duration HALT_AFTER = Duration.ofSeconds(10);

    private final String database;

    /** {@code database} names it in the log line (an H2 file path; never a URL with a password). */
    ExitOnDatabaseFailure(String database) {
        this.database = database;
    }

    @Override
    public void accept(SQLException e) {
        if (stopping()) return; // H2 closes its databases at JVM exit: that is our own stop, not a failure
        log.error("database {} can no longer be used ({}): treatywatch exits with status {} so that its supervisor restarts it"
                + " (if the disk is full, free space; if the file is damaged, restore a backup)", database, FatalErrors.describe(e), STATUS);
        Thread halt = new Thread(() -> {
            try {
                Thread.sleep(HALT_AFTER.toMillis());
            } catch (InterruptedException ignored) {
                return;
            }
            Runtime.getRuntime().halt(STATUS);
        }, "exit-deadline");
        halt.setDaemon(true);
        halt.start();
        // Not on the caller's thread: System.exit runs the shutdown hook, which stops (and joins) the
        // very worker that met the error.
        Thread exit = new Thread(() -> System.exit(STATUS), "exit-on-database-failure");
        exit.setDaemon(true);
        exit.start();
    }

    /** True once the JVM has begun its shutdown (hooks can then no longer be added). */
    private static boolean stopping() {
        Thread probe = new Thread(() -> { });
        try {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException e) {
            return true;
        }
    }
}
