package org.treatywatch.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.treatywatch.config.FeedDef;

/** The feeds table: definitions from both origins and each feed's fetch state. */
public final class FeedStore {
    private static final String COLUMNS = "id, name, url, kind, language, interval_seconds, enabled, links, origin, paused, "
            + "etag, last_modified, initialized, last_success, last_error, last_error_at, consecutive_failures, next_poll, last_item_at";

    private final Db db;

    public FeedStore(Db db) {
        this.db = db;
    }

    /**
     * Makes the stored yaml-origin feeds equal to feeds.yaml: new ones added, changed ones updated
     * (fetch state kept), removed ones deleted. Feeds added by admins are left alone unless the file
     * now defines the same id, which then wins.
     */
    public void syncFromYaml(List<FeedDef> defs) {
        db.tx(c -> {
            // One read of what is stored; only what feeds.yaml changed is written (a start touches nothing else).
            java.util.Map<String, FeedRow> stored = new java.util.HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM feeds");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    FeedRow r = row(rs);
                    stored.put(r.id(), r);
                }
            }
            Set<String> ids = new HashSet<>();
            for (FeedDef d : defs) {
                ids.add(d.id());
                FeedRow was = stored.get(d.id());
                if (was == null) insert(c, d, FeedRow.ORIGIN_YAML);
                else if (!was.def().equals(d) || !FeedRow.ORIGIN_YAML.equals(was.origin())) update(c, d, FeedRow.ORIGIN_YAML);
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM feeds WHERE origin = 'yaml'");
                 ResultSet rs = ps.executeQuery()) {
                List<String> gone = new ArrayList<>();
                while (rs.next()) if (!ids.contains(rs.getString(1))) gone.add(rs.getString(1));
                for (String id : gone) delete(c, id);
            }
            return null;
        });
    }

    /** Adds a feed from an admin; false if the id is taken. */
    public boolean add(FeedDef def, String origin) {
        return db.tx(c -> {
            if (exists(c, def.id())) return false;
            insert(c, def, origin);
            return true;
        });
    }

    public boolean remove(String id) {
        return db.tx(c -> delete(c, id) > 0);
    }

    public boolean setPaused(String id, boolean paused) {
        return db.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE feeds SET paused = ? WHERE id = ?")) {
                ps.setBoolean(1, paused);
                ps.setString(2, id);
                return ps.executeUpdate() > 0;
            }
        });
    }

    public List<FeedRow> all() {
        return db.tx(c -> {
            List<FeedRow> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM feeds ORDER BY id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(row(rs));
            }
            return out;
        });
    }

    public Optional<FeedRow> get(String id) {
        return db.tx(c -> get(c, id));
    }

    static Optional<FeedRow> get(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM feeds WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        }
    }

    /** A poll succeeded: remember validators, clear the failure count. */
    public void recordSuccess(String id, String etag, String lastModified, Instant now, Duration interval) {
        db.tx(c -> recordSuccess(c, id, etag, lastModified, now, interval));
    }

    static int recordSuccess(Connection c, String id, String etag, String lastModified, Instant now, Duration interval) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE feeds SET etag = ?, last_modified = ?, last_success = ?, consecutive_failures = 0, "
                        + "next_poll = ? WHERE id = ?")) {
            ps.setString(1, Sql.clip(etag, 500));
            ps.setString(2, Sql.clip(lastModified, 100));
            Sql.setInstant(ps, 3, now);
            Sql.setInstant(ps, 4, now.plus(interval));
            ps.setString(5, id);
            return ps.executeUpdate();
        }
    }

    /** A poll failed: count it and remember when the next attempt may run. */
    public int recordFailure(String id, String error, Instant now, Instant nextPoll) {
        return db.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE feeds SET last_error = ?, last_error_at = ?, consecutive_failures = consecutive_failures + 1, "
                            + "next_poll = ? WHERE id = ?")) {
                ps.setString(1, Sql.clip(error, 1000));
                Sql.setInstant(ps, 2, now);
                Sql.setInstant(ps, 3, nextPoll);
                ps.setString(4, id);
                ps.executeUpdate();
            }
            return get(c, id).map(FeedRow::consecutiveFailures).orElse(0);
        });
    }

    /** After the first poll every later item is news; called in the transaction that stores the items. */
    /** Every item of the feed's latest listing has listed_at at or after this (see {@link ItemStore#markListed}). */
    static void setListedFrom(Connection c, String id, Instant from) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE feeds SET listed_from = ? WHERE id = ?")) {
            Sql.setInstant(ps, 1, from);
            ps.setString(2, id);
            ps.executeUpdate();
        }
    }

    static void markInitialized(Connection c, String id, boolean newItems, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE feeds SET initialized = TRUE" + (newItems ? ", last_item_at = ?" : "") + " WHERE id = ?")) {
            int i = 1;
            if (newItems) Sql.setInstant(ps, i++, now);
            ps.setString(i, id);
            ps.executeUpdate();
        }
    }

    public void updateUrl(String id, String url) {
        db.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE feeds SET url = ? WHERE id = ?")) {
                ps.setString(1, url);
                ps.setString(2, id);
                return ps.executeUpdate();
            }
        });
    }

    private static boolean exists(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM feeds WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static void insert(Connection c, FeedDef d, String origin) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO feeds (name, url, kind, language, interval_seconds, enabled, links, origin, id) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            bind(ps, d, origin);
            ps.executeUpdate();
        }
    }

    private static void update(Connection c, FeedDef d, String origin) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE feeds SET name = ?, url = ?, kind = ?, language = ?, interval_seconds = ?, enabled = ?, "
                        + "links = ?, origin = ? WHERE id = ?")) {
            bind(ps, d, origin);
            ps.executeUpdate();
        }
    }

    private static void bind(PreparedStatement ps, FeedDef d, String origin) throws SQLException {
        ps.setString(1, d.name());
        ps.setString(2, d.url());
        ps.setString(3, d.kind().name().toLowerCase());
        ps.setString(4, d.language());
        ps.setInt(5, (int) d.interval().getSeconds());
        ps.setBoolean(6, d.enabled());
        ps.setString(7, d.links().orElse(null));
        ps.setString(8, origin);
        ps.setString(9, d.id());
    }

    private static int delete(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM feeds WHERE id = ?")) {
            ps.setString(1, id);
            return ps.executeUpdate();
        }
    }

    private static FeedRow row(ResultSet rs) throws SQLException {
        FeedDef def = new FeedDef(rs.getString("id"), rs.getString("name"), rs.getString("url"),
                FeedDef.Kind.valueOf(rs.getString("kind").toUpperCase()), rs.getString("language"),
                Duration.ofSeconds(rs.getInt("interval_seconds")), rs.getBoolean("enabled"),
                Optional.ofNullable(rs.getString("links")));
        return new FeedRow(def, rs.getString("origin"), rs.getBoolean("paused"), rs.getString("etag"),
                rs.getString("last_modified"), rs.getBoolean("initialized"), Sql.instant(rs, "last_success"),
                rs.getString("last_error"), Sql.instant(rs, "last_error_at"), rs.getInt("consecutive_failures"),
                Sql.instant(rs, "next_poll"), Sql.instant(rs, "last_item_at"));
    }
}
