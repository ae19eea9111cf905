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

/** The stories table and the views over it: recent stories and items for matching, outlets, the timeline. */
public final class StoryStore {
    /** A story's identifying facts; entity sets hold gazetteer ids. */
    public record StoryRow(long id, Optional<String> stage, Set<String> people, Set<String> places, Optional<LocalDate> date,
                           String title, String language, Instant firstSeen) {}

    /** An item already placed in a story. */
    public record Fingerprint(long storyId, String url, long simhash) {}

    /** Where a story was reported. */
    public record Report(String outlet, String url, String title, Instant seenAt) {}

    private final Db db;

    public StoryStore(Db db) {
        this.db = db;
    }

    public List<StoryRow> recentStories(Instant since) {
        return db.tx(c -> query(c, "WHERE last_seen >= ? ORDER BY id", since, Integer.MAX_VALUE));
    }

    public List<Fingerprint> recentItems(Instant since) {
        return db.tx(c -> {
            List<Fingerprint> out = new ArrayList<>();
            // story_id > 0 lets the story index serve this; IS NOT NULL would read every item
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT story_id, url, simhash FROM items WHERE story_id > 0 AND seen_at >= ? ORDER BY id")) {
                Sql.setInstant(ps, 1, since);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(new Fingerprint(rs.getLong(1), rs.getString(2), rs.getLong(3)));
                }
            }
            return out;
        });
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

    private static Set<String> ids(String csv) {
        Set<String> out = new TreeSet<>();
        if (csv != null && !csv.isBlank()) out.addAll(Arrays.asList(csv.split(",")));
        return out;
    }
}
