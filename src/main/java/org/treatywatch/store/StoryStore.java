package org.treatywatch.store;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The stories table and the views over it: outlets, the timeline, the latest stories; stories joined into one. */
public final class StoryStore {
    /** A story's identifying facts; entity sets hold gazetteer ids. */
    public record StoryRow(long id, Optional<String> stage, Set<String> people, Set<String> places, Optional<LocalDate> date,
                           String title, String language, Instant firstSeen) {}

    /** Where a story was reported. */
    public record Report(String outlet, String url, String title, Instant seenAt) {}

    private final Db db;

    public StoryStore(Db db) {
        this.db = db;
    }

    /** Stories by event date (or first report), newest last. */
    public List<StoryRow> timeline(int limit) {
        return db.tx(c -> {
            List<StoryRow> rows = query(c, "ORDER BY COALESCE(event_date, CAST(first_seen AS DATE)) DESC, id DESC", null, limit);
            java.util.Collections.reverse(rows);
            return rows;
        });
    }

    /** A story with the time of its latest report. */
    public record Latest(StoryRow story, Instant lastSeen) {}

    /** The stories with the latest reports, newest first (the Atom feed of the stories). */
    public List<Latest> latest(int limit) {
        return db.tx(c -> rows(c, "ORDER BY last_seen DESC, id DESC", null, limit));
    }

    /** Every report of a story, first one first. */
    public List<Report> reports(long storyId) {
        return db.tx(c -> {
            List<Report> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT outlet, url, title, seen_at FROM items WHERE story_id = ? ORDER BY id")) {
                ps.setLong(1, storyId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(new Report(rs.getString(1), rs.getString(2), rs.getString(3), Sql.instant(rs, "seen_at")));
                }
            }
            return out;
        });
    }

    static long create(Connection c, StoryRow s, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO stories (stage, people, places, event_date, title, language, first_seen, last_seen) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, s.stage().orElse(null));
            ps.setString(2, String.join(",", s.people()));
            ps.setString(3, String.join(",", s.places()));
            if (s.date().isPresent()) ps.setDate(4, Date.valueOf(s.date().get()));
            else ps.setNull(4, Types.DATE);
            ps.setString(5, Sql.clip(s.title(), 1000));
            ps.setString(6, s.language());
            Sql.setInstant(ps, 7, now);
            Sql.setInstant(ps, 8, now);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /**
     * Joins story {@code other} into {@code keep} (an item showed they are one event): its items
     * move, and each chat keeps one alert for the story. Of two alerts for the same chat, one not yet
     * delivered is dropped; if both were delivered both messages stand, and the kept story's is the
     * one later reports edit.
     */
    static void merge(Connection c, long keep, long other) throws SQLException {
        java.util.Map<Long, Long> kept = new java.util.HashMap<>(); // chat -> outbox id
        java.util.Set<Long> keptDelivered = new java.util.HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, chat_id, status FROM outbox WHERE story_id = ?")) {
            ps.setLong(1, keep);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    kept.put(rs.getLong(2), rs.getLong(1));
                    if (delivered(rs.getString(3))) keptDelivered.add(rs.getLong(2));
                }
            }
        }
        List<Long> moved = new ArrayList<>();
        List<Long> dropped = new ArrayList<>();
        List<Long> detached = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, chat_id, status FROM outbox WHERE story_id = ?")) {
            ps.setLong(1, other);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1), chat = rs.getLong(2);
                    Long mine = kept.get(chat);
                    if (mine == null) moved.add(id);
                    else if (!delivered(rs.getString(3))) dropped.add(id);
                    else if (!keptDelivered.contains(chat)) {
                        dropped.add(mine);
                        moved.add(id);
                    } else detached.add(id); // (story_id, chat_id) is unique: the older message stays the story's
                }
            }
        }
        batch(c, "DELETE FROM outbox WHERE id = ?", dropped);
        batch(c, "UPDATE outbox SET story_id = NULL WHERE id = ?", detached);
        try (PreparedStatement ps = c.prepareStatement("UPDATE outbox SET story_id = ? WHERE id = ?")) {
            for (long id : moved) {
                ps.setLong(1, keep);
                ps.setLong(2, id);
                ps.addBatch();
            }
            if (!moved.isEmpty()) ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE items SET story_id = ? WHERE story_id = ?")) {
            ps.setLong(1, keep);
            ps.setLong(2, other);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM stories WHERE id = ?")) {
            ps.setLong(1, other);
            ps.executeUpdate();
        }
    }

    private static boolean delivered(String status) {
        return OutboxRow.SENT.equals(status) || OutboxRow.SENDING.equals(status) || OutboxRow.DIGESTED.equals(status);
    }

    private static void batch(Connection c, String sql, List<Long> ids) throws SQLException {
        if (ids.isEmpty()) return;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (long id : ids) {
                ps.setLong(1, id);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    static void touch(Connection c, long storyId, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE stories SET last_seen = ? WHERE id = ?")) {
            Sql.setInstant(ps, 1, now);
            ps.setLong(2, storyId);
            ps.executeUpdate();
        }
    }

    private static List<StoryRow> query(Connection c, String tail, Instant since, int limit) throws SQLException {
        return new ArrayList<>(rows(c, tail, since, limit).stream().map(Latest::story).toList()); // callers may reorder it
    }

    private static List<Latest> rows(Connection c, String tail, Instant since, int limit) throws SQLException {
        List<Latest> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, stage, people, places, event_date, title, language, first_seen, last_seen FROM stories " + tail
                        + " FETCH FIRST " + limit + " ROWS ONLY")) {
            if (since != null) Sql.setInstant(ps, 1, since);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Date d = rs.getDate("event_date");
                    out.add(new Latest(new StoryRow(rs.getLong("id"), Optional.ofNullable(rs.getString("stage")), ids(rs.getString("people")),
                            ids(rs.getString("places")), Optional.ofNullable(d).map(Date::toLocalDate), rs.getString("title"),
                            rs.getString("language"), Sql.instant(rs, "first_seen")), Sql.instant(rs, "last_seen")));
                }
            }
        }
        return out;
    }

    static Set<String> ids(String csv) {
        Set<String> out = new TreeSet<>();
        if (csv != null && !csv.isBlank()) out.addAll(Arrays.asList(csv.split(",")));
        return out;
    }
}
