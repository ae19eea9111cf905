package org.treatywatch.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The outbox: deliveries written with their item's decision and drained by the sender.
 * A row moves pending → sending → sent (or dead / dropped); (item, chat) is unique.
 */
public final class OutboxStore {
    private final Db db;

    public OutboxStore(Db db) {
        this.db = db;
    }

    /**
     * Queues a new item's alert for each chat, one alert per story and chat: a chat that already has
     * the story gets no second alert; if its alert went out recently and was edited less than
     * maxEdits times, an edit is asked for instead. One read of the story's rows and two batches,
     * whatever the number of chats. Held rows wait for the chat's digest. Returns the rows added.
     */
    static int queue(Connection c, long itemId, Long storyId, java.util.Map<Long, String> bodies, java.util.Map<Long, Long> threads,
                     java.util.Set<Long> held, Instant sentAfter, int maxEdits) throws SQLException {
        java.util.Set<Long> has = new java.util.HashSet<>();
        List<Long> edits = new ArrayList<>();
        if (storyId != null) {
            // Chat ids alone come from the (story_id, chat_id) index without reading the rows and their bodies.
            try (PreparedStatement ps = c.prepareStatement("SELECT chat_id FROM outbox WHERE story_id = ?")) {
                ps.setLong(1, storyId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) has.add(rs.getLong(1));
                }
            }
            if (has.stream().anyMatch(bodies::containsKey)) {
                try (PreparedStatement ps = c.prepareStatement("""
                        SELECT id, chat_id FROM outbox
                        WHERE story_id = ? AND status = 'sent' AND message_id IS NOT NULL AND edits < ? AND sent_at >= ?""")) {
                    ps.setLong(1, storyId);
                    ps.setInt(2, maxEdits);
                    Sql.setInstant(ps, 3, sentAfter);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) if (bodies.containsKey(rs.getLong(2))) edits.add(rs.getLong(1));
                    }
                }
            }
        }
        if (!edits.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("UPDATE outbox SET edit_wanted = TRUE WHERE id = ?")) {
                for (long id : edits) {
                    ps.setLong(1, id);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        int added = 0;
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO outbox (item_id, story_id, chat_id, body, status, thread_id) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (var e : bodies.entrySet()) {
                if (has.contains(e.getKey())) continue;
                ps.setLong(1, itemId);
                if (storyId == null) ps.setNull(2, java.sql.Types.BIGINT);
                else ps.setLong(2, storyId);
                ps.setLong(3, e.getKey());
                ps.setString(4, e.getValue());
                ps.setString(5, held.contains(e.getKey()) ? OutboxRow.HELD : OutboxRow.PENDING);
                Sql.setLong(ps, 6, threads.get(e.getKey()));
                ps.addBatch();
                added++;
            }
            if (added > 0) ps.executeBatch();
        }
        return added;
    }

    /** A sent alert whose story has new reports. */
    public record WantedEdit(long id, long chatId, long messageId, String body, long storyId) {}

    public List<WantedEdit> wantedEdits(int limit) {
        return db.tx(c -> {
            List<WantedEdit> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, chat_id, message_id, body, story_id FROM outbox WHERE edit_wanted = TRUE ORDER BY id FETCH FIRST ? ROWS ONLY")) {
                ps.setInt(1, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(new WantedEdit(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getLong(5)));
                }
            }
            return out;
        });
    }

    /** The edit went out (or can never go out): count it and stop asking. */
    public void editDone(long id, boolean counted) {
        db.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE outbox SET edit_wanted = FALSE" + (counted ? ", edits = edits + 1" : "") + " WHERE id = ?")) {
                ps.setLong(1, id);
                return ps.executeUpdate();
            }
        });
    }

    /**
     * The oldest due row of each chat, oldest chats first: one round never sends a chat more than
     * one message, so a chat with a backlog cannot starve the others.
     */
    public List<OutboxRow> duePerChat(Instant now, int limit) {
        return db.tx(c -> {
            List<OutboxRow> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, item_id, chat_id, body, status, attempts, thread_id FROM outbox WHERE id IN ("
                            + "SELECT MIN(id) FROM outbox WHERE status = 'pending' AND (not_before IS NULL OR not_before <= ?) "
                            + "GROUP BY chat_id) ORDER BY id FETCH FIRST ? ROWS ONLY")) {
                Sql.setInstant(ps, 1, now);
                ps.setInt(2, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(row(rs));
                    }
                }
            }
            return out;
        });
    }

    /** Held alerts of a digest chat: item title and link, oldest first. */
    public List<HeldAlert> held(long chatId) {
        return db.tx(c -> {
            List<HeldAlert> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT o.id, i.title, i.url FROM outbox o JOIN items i ON i.id = o.item_id "
                            + "WHERE o.chat_id = ? AND o.status = 'held' ORDER BY o.id")) {
                ps.setLong(1, chatId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(new HeldAlert(rs.getLong(1), rs.getString(2), rs.getString(3)));
                }
            }
            return out;
        });
    }

    public record HeldAlert(long outboxId, String title, String url) {}

    /**
     * Turns a chat's held alerts into one digest message, atomically: the first row carries the
     * digest and goes pending, the others are marked digested, and the chat's digest time is recorded.
     */
    public void releaseDigest(long chatId, List<HeldAlert> held, String body, Instant now) {
        db.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE outbox SET status = 'pending', body = ? WHERE id = ? AND status = 'held'")) {
                ps.setString(1, body);
                ps.setLong(2, held.get(0).outboxId());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE outbox SET status = 'digested' WHERE id = ? AND status = 'held'")) {
                for (HeldAlert h : held.subList(1, held.size())) {
                    ps.setLong(1, h.outboxId());
                    ps.executeUpdate();
                }
            }
            ChatStore.markDigest(c, chatId, now);
            return null;
        });
    }

    /**
     * At start, a row still marked sending was in flight when the process died. We cannot know if
     * Telegram got it, so we send it again: at most that one message is duplicated, none is lost.
     */
    public int requeueInFlight() {
        return db.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE outbox SET status = 'pending' WHERE status = 'sending'")) {
                return ps.executeUpdate();
            }
        });
    }

    /** Takes a pending row for sending; false if someone else took it or it is no longer pending. */
    public boolean claim(long id) {
        return update("UPDATE outbox SET status = 'sending', attempts = attempts + 1 WHERE id = ? AND status = 'pending'", id) == 1;
    }

    public void markSent(long id, long messageId, Instant now) {
        db.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE outbox SET status = 'sent', message_id = ?, sent_at = ?, last_error = NULL WHERE id = ?")) {
                ps.setLong(1, messageId);
                Sql.setInstant(ps, 2, now);
                ps.setLong(3, id);
                return ps.executeUpdate();
            }
        });
    }

    /** Back to pending, not before the given time. */
    public void retryLater(long id, String error, Instant notBefore) {
        db.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE outbox SET status = 'pending', last_error = ?, not_before = ? WHERE id = ?")) {
                ps.setString(1, Sql.clip(error, 1000));
                Sql.setInstant(ps, 2, notBefore);
                ps.setLong(3, id);
                return ps.executeUpdate();
            }
        });
    }

    public void markDead(long id, String error) {
        setFinal(id, OutboxRow.DEAD, error);
    }

    /** The chat is gone (blocked us, deleted): drop everything still waiting for it. */
    public int dropForChat(long chatId, String reason) {
        return db.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE outbox SET status = 'dropped', last_error = ? WHERE chat_id = ? AND status IN ('pending', 'sending')")) {
                ps.setString(1, Sql.clip(reason, 1000));
                ps.setLong(2, chatId);
                return ps.executeUpdate();
            }
        });
    }

    public int sentSince(Instant since) {
        return db.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM outbox WHERE status = 'sent' AND sent_at >= ?")) {
                Sql.setInstant(ps, 1, since);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    public int count(String status) {
        return db.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM outbox WHERE status = ?")) {
                ps.setString(1, status);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    private void setFinal(long id, String status, String error) {
        db.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE outbox SET status = ?, last_error = ? WHERE id = ?")) {
                ps.setString(1, status);
                ps.setString(2, Sql.clip(error, 1000));
                ps.setLong(3, id);
                return ps.executeUpdate();
            }
        });
    }

    private int update(String sql, long id) {
        return db.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, id);
                return ps.executeUpdate();
            }
        });
    }

    // The chat store's changes that reach this table run in its transaction, through these.

    /** Digest mode turned off: the alerts held for the digest go out now. */
    static int releaseHeld(Connection c, long chatId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE outbox SET status = 'pending' WHERE chat_id = ? AND status = 'held'")) {
            ps.setLong(1, chatId);
            return ps.executeUpdate();
        }
    }

    /** /stop: what was not sent is dropped, bodies included; sent rows stay as anonymous history. */
    static void dropUnsent(Connection c, long chatId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE outbox SET status = 'dropped', body = '' WHERE chat_id = ? AND status IN ('pending', 'sending')")) {
            ps.setLong(1, chatId);
            ps.executeUpdate();
        }
    }

    /** A group became a supergroup: its unsent alerts follow it. */
    static void moveUnsent(Connection c, long oldId, long newId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE outbox SET chat_id = ? WHERE chat_id = ? AND status IN ('pending', 'sending')")) {
            ps.setLong(1, newId);
            ps.setLong(2, oldId);
            ps.executeUpdate();
        }
    }

    /** A row of {@code SELECT id, item_id, chat_id, body, status, attempts[, thread_id]}. */
    static OutboxRow row(ResultSet rs) throws SQLException {
        Long thread = null;
        if (rs.getMetaData().getColumnCount() >= 7) {
            long t = rs.getLong(7);
            thread = rs.wasNull() ? null : t;
        }
        return new OutboxRow(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5), rs.getInt(6), thread);
    }
}
