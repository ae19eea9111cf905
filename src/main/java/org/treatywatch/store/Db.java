package org.treatywatch.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** The database: a Hikari pool, migrated by Flyway on open, with transaction helpers. */
public final class Db implements AutoCloseable {
    @FunctionalInterface
    public interface SqlWork<T> {
        T apply(Connection c) throws SQLException;
    }

    private final HikariDataSource pool;
    private final String url;
    private volatile Consumer<SQLException> onFatal = e -> { };
    private final AtomicBoolean fatalReported = new AtomicBoolean();
    private volatile boolean closing;

    private Db(HikariDataSource pool, String url) {
        this.pool = pool;
        this.url = url;
    }

    /** Opens (and creates or migrates) the database at a JDBC URL. */
    public static Db open(String jdbcUrl) {
        h2File(jdbcUrl).ifPresent(Db::refuseEmptyFile);
        HikariConfig cfg = new HikariConfig();
        // H2 compacts the whole file when it closes (up to 200 ms on every command); it compacts in the
        // background while running anyway.
        boolean urlAsGiven = !jdbcUrl.startsWith("jdbc:h2:file:") || jdbcUrl.toUpperCase(java.util.Locale.ROOT).contains("MAX_COMPACT_TIME");
        cfg.setJdbcUrl(reopenedOnInterrupt(urlAsGiven ? jdbcUrl : jdbcUrl + ";MAX_COMPACT_TIME=0"));
        cfg.setMaximumPoolSize(8);
        cfg.setPoolName("treatywatch");
        if (jdbcUrl.startsWith("jdbc:h2:")) cfg.setUsername("sa");
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(cfg); // connects at once: a damaged file fails here
        } catch (RuntimeException e) {
            // without the URL's parameters: they may hold a password
            throw new IllegalStateException("cannot open database " + jdbcUrl.split("[;?]", 2)[0] + ": " + e.getMessage(), e);
        }
        try {
            if (!upToDate(pool)) {
                Flyway.configure()
                        .dataSource(pool)
                        .locations("classpath:db/migration", "classpath:db/quartz/" + dialect(jdbcUrl))
                        .load()
                        .migrate();
            }
            if (jdbcUrl.startsWith("jdbc:h2:file:")) {
                // Commit to disk at once: a kill -9 must not take back a "sent" mark.
                try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                    s.execute("SET WRITE_DELAY 0");
                    // H2 would keep 64 MB of pages: most of a small heap. 16 MB holds the hot indexes.
                    s.execute("SET CACHE_SIZE 16384");
                }
            }
        } catch (RuntimeException | SQLException e) {
            pool.close();
            throw new IllegalStateException("cannot open database " + jdbcUrl + ": " + e.getMessage(), e);
        }
        return new Db(pool, jdbcUrl);
    }

    /**
     * H2 starts a new, empty database over a 0-byte file without a word: every feed, chat and
     * subscription would be silently gone. Such a file is a damaged database, never a new one.
     */
    private static void refuseEmptyFile(Path file) {
        if (!Files.exists(file)) return; // a first start: H2 creates it
        String restore = "; restore it from a backup (unzip the backup into " + file.toAbsolutePath().getParent()
                + ") or, to start with an empty database, delete it";
        if (!Files.isReadable(file)) {
            throw new IllegalStateException("cannot open database: the database file " + file.toAbsolutePath() + " cannot be read (check its owner and permissions)");
        }
        try {
            if (Files.size(file) == 0) {
                throw new IllegalStateException("refusing to open database: the database file " + file.toAbsolutePath()
                        + " is empty (0 bytes), which would start a new database without the feeds, chats and subscriptions" + restore);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot open database: the database file " + file.toAbsolutePath() + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** The H2 file ({@code <name>.mv.db}) of a JDBC URL, if it names one on disk. */
    static Optional<Path> h2File(String jdbcUrl) {
        if (!jdbcUrl.startsWith("jdbc:h2:")) return Optional.empty();
        String name = jdbcUrl.substring("jdbc:h2:".length()).split(";", 2)[0];
        if (name.startsWith("file:")) name = name.substring("file:".length());
        else if (!(name.startsWith("/") || name.startsWith(".") || name.startsWith("~"))) return Optional.empty(); // mem:, tcp: ...
        if (name.startsWith("~")) name = System.getProperty("user.home") + name.substring(1);
        try {
            return Optional.of(Path.of(name + ".mv.db"));
        } catch (java.nio.file.InvalidPathException e) {
            return Optional.empty();
        }
    }

    /**
     * Called once, with the error, when the database can no longer be used by this process (H2
     * closed it after a failed write, or it is corrupted): the service exits so its supervisor
     * restarts it. Not called once {@link #close} has begun.
     */
    public void onFatal(Consumer<SQLException> handler) {
        this.onFatal = handler;
    }

    private void reportIfFatal(SQLException e) {
        if (closing || isPostgres()) return;
        FatalErrors.find(e).ifPresent(fatal -> {
            if (fatalReported.compareAndSet(false, true)) onFatal.accept(fatal);
        });
    }

    /**
     * The same H2 file, through H2's "retry:" file system: a thread interrupted while it writes (Quartz
     * interrupts its scheduler thread when it stops, Java closes a file channel on an interrupt) has
     * its write retried on a reopened file instead of H2 closing the database for every other part.
     * A URL that already names a file system (nio:, async:, ...) is left as it is.
     */
    static String reopenedOnInterrupt(String jdbcUrl) {
        String file = "jdbc:h2:file:";
        if (!jdbcUrl.startsWith(file) || jdbcUrl.substring(file.length()).matches("(?s)[A-Za-z]{2,}:.*")) return jdbcUrl;
        return file + "retry:" + jdbcUrl.substring(file.length());
    }

    /** The newest migration this build ships (db/migration, db/quartz): a database at it needs no Flyway run. */
    static final String SCHEMA_VERSION = "8";

    // Flyway's scan of its migrations is a good part of a command's start; when the schema is already
    // at this build's version there is nothing for it to do.
    private static boolean upToDate(DataSource pool) {
        try (Connection c = pool.getConnection()) {
            try (java.sql.ResultSet t = c.getMetaData().getTables(null, null, "flyway_schema_history", null)) {
                if (!t.next()) return false; // a new database
            }
            try (Statement s = c.createStatement();
                 java.sql.ResultSet rs = s.executeQuery("SELECT \"version\" FROM \"flyway_schema_history\" "
                         + "WHERE \"success\" ORDER BY \"installed_rank\" DESC")) {
                return rs.next() && SCHEMA_VERSION.equals(rs.getString(1));
            }
        } catch (SQLException e) {
            return false; // Flyway will say what is wrong
        }
    }

    public boolean isPostgres() {
        return dialect(url).equals("postgresql");
    }

    static String dialect(String jdbcUrl) {
        return jdbcUrl.startsWith("jdbc:postgresql:") ? "postgresql" : "h2";
    }

    /** The database's size on disk (H2 file, or PostgreSQL's pg_database_size), if it can be known. */
    public java.util.OptionalLong sizeBytes() {
        if (isPostgres()) {
            return tx(c -> {
                try (Statement s = c.createStatement(); java.sql.ResultSet rs = s.executeQuery("SELECT pg_database_size(current_database())")) {
                    return rs.next() ? java.util.OptionalLong.of(rs.getLong(1)) : java.util.OptionalLong.empty();
                }
            });
        }
        Optional<Path> file = h2File(url);
        if (file.isEmpty()) return java.util.OptionalLong.empty();
        try {
            return java.util.OptionalLong.of(Files.size(file.get()));
        } catch (IOException e) {
            return java.util.OptionalLong.empty();
        }
    }

    /** The H2 file on disk, if the database is one. */
    public Optional<Path> file() {
        return h2File(url).map(Path::toAbsolutePath);
    }

    public DataSource dataSource() {
        return pool;
    }

    public String url() {
        return url;
    }

    /**
     * Like {@link #tx}, but a transaction the database rolled back to break a deadlock (SQLSTATE
     * 40001/40P01: two polls touching the same stories) runs again, up to six times. The work must
     * only touch the database.
     */
    public <T> T txRetrying(SqlWork<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return tx(work);
            } catch (StoreException e) {
                if (attempt >= MAX_DEADLOCK_ATTEMPTS || !(e.getCause() instanceof SQLException se) || !isDeadlock(se)) throw e;
                // A random pause, growing with the attempts, so the two transactions stop meeting.
                try {
                    Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(5, 25) * attempt);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private static final int MAX_DEADLOCK_ATTEMPTS = 6;

    private static boolean isDeadlock(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && ("40001".equals(s.getSQLState()) || "40P01".equals(s.getSQLState()))) return true;
        }
        return false;
    }

    /** Runs work in one transaction: committed if it returns, rolled back if it throws. */
    public <T> T tx(SqlWork<T> work) {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.apply(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            reportIfFatal(e);
            throw new StoreException(e);
        }
    }

    @Override
    public void close() {
        closing = true; // what fails from here on is our own shutdown, not a broken database
        pool.close();
    }
}
