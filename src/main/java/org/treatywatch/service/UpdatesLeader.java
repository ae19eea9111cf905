package org.treatywatch.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.treatywatch.store.Db;

/**
 * Telegram lets one client call getUpdates. On PostgreSQL the instance holding an advisory lock (on
 * a connection kept open for the purpose) is that client; the others try again every few seconds
 * and take over when the holder dies. On H2 there is one instance and it leads at once. If Telegram
 * cannot be reached when taking the lead, it tries again with doubling waits (up to five minutes)
 * while the rest of the service runs.
 */
final class UpdatesLeader implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(UpdatesLeader.class);
    private static final long LOCK_KEY = 0x7472_6561_7479L; // "treaty"
    static final long RETRY_SECONDS = 5;
    static final long MAX_BACKOFF_SECONDS = 300;

    private final Db db;
    private final Runnable lead;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "updates-leader");
        t.setDaemon(true);
        return t;
    });
    private Connection held;
    private volatile boolean leading;

    UpdatesLeader(Db db, Runnable lead) {
        this.db = db;
        this.lead = lead;
        if (!db.isPostgres()) {
            timer.execute(() -> startLeading(1));
        } else {
            timer.scheduleWithFixedDelay(this::tryToLead, 0, RETRY_SECONDS, TimeUnit.SECONDS);
        }
    }

    private synchronized void tryToLead() {
        if (held != null) return;
        try {
            Connection c = db.dataSource().getConnection();
            try (PreparedStatement ps = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                ps.setLong(1, LOCK_KEY);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next() && rs.getBoolean(1)) {
                        held = c;
                        log.info("this instance now takes Telegram updates");
                        timer.execute(() -> startLeading(1));
                        return;
                    }
                }
            }
            c.close();
        } catch (SQLException | RuntimeException e) {
            log.warn("could not check for the updates lock: {}", e.getMessage());
        }
    }

    /** True once this instance takes the updates (long polling registered). */
    boolean leading() {
        return leading;
    }

    private void startLeading(long waitSeconds) {
        if (timer.isShutdown()) return;
        try {
            lead.run();
            leading = true;
        } catch (RuntimeException e) {
            if (timer.isShutdown()) return; // the service stopped while registering: nothing to retry
            log.warn("cannot take Telegram updates yet ({}); trying again in {}s", e.getMessage(), waitSeconds);
            timer.schedule(() -> startLeading(Math.min(MAX_BACKOFF_SECONDS, waitSeconds * 2)), waitSeconds, TimeUnit.SECONDS);
        }
    }

    @Override
    public synchronized void close() {
        timer.shutdownNow();
        if (held != null) {
            try {
                held.close();
            } catch (SQLException ignored) {
                // the lock goes with the connection anyway
            }
        }
    }
}
