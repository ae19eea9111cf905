package org.treatywatch.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Chats and their subscriptions. */
public final class ChatStore {
    private final Db db;
    /** Bumped on every change that can alter who gets alerts, so cached indexes know to rebuild. */
    private final java.util.concurrent.atomic.AtomicLong version = new java.util.concurrent.atomic.AtomicLong();

    public ChatStore(Db db) {
        this.db = db;
    }

    public long version() {
        return version.get();
    }

    private <T> T change(Db.SqlWork<T> work) {
        try {
            return db.tx(work);
        } finally {
            version.incrementAndGet();
        }
    }

    private static final String CHAT_COLUMNS = "chat_id, language, chat_type, active, muted_until, digest_time, time_zone";

    public Optional<Chat> get(long chatId) {
        return db.tx(c -> get(c, chatId));
    }

    private static Optional<Chat> get(Connection c, long chatId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + CHAT_COLUMNS + " FROM chats WHERE chat_id = ?")) {
            ps.setLong(1, chatId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(chat(rs)) : Optional.empty();
            }
        }
    }

    private static Chat chat(ResultSet rs) throws SQLException {
        return new Chat(rs.getLong("chat_id"), rs.getString("language"), rs.getString("chat_type"), rs.getBoolean("active"),
                Optional.ofNullable(Sql.instant(rs, "muted_until")), Optional.ofNullable(rs.getString("digest_time")),
                rs.getString("time_zone"));
    }

    /** Creates the chat with a language if new; an existing chat is re-activated and keeps its language. */
    public Chat ensure(long chatId, String language, String type) {
        return change(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE chats SET active = TRUE, chat_type = ? WHERE chat_id = ?")) {
                ps.setString(1, type);
                ps.setLong(2, chatId);
                if (ps.executeUpdate() == 0) {
                    try (PreparedStatement ins = c.prepareStatement(
                            "INSERT INTO chats (chat_id, language, chat_type) VALUES (?, ?, ?)")) {
                        ins.setLong(1, chatId);
                        ins.setString(2, language);
                        ins.setString(3, type);
                        ins.executeUpdate();
                    }
                }
            }
            return get(c, chatId).orElseThrow();
        });
    }

    public void setLanguage(long chatId, String language) {
        change(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE chats SET language = ? WHERE chat_id = ?")) {
                ps.setString(1, language);
                ps.setLong(2, chatId);
                return ps.executeUpdate();
            }
        });
    }

    /** The bot was blocked or removed: no more deliveries until the chat talks to us again. */
    public void deactivate(long chatId) {
        change(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE chats SET active = FALSE WHERE chat_id = ?")) {
                ps.setLong(1, chatId);
                return ps.executeUpdate();
            }
        });
    }

    public enum Added { ADDED, EXISTS, LIMIT }

    public static final int MAX_SUBSCRIPTIONS = 20;

    /** Subscribes the chat to the whole treaty topic; false if it already is. */
    public boolean subscribeTopic(long chatId) {
        return subscribe(chatId, null) == Added.ADDED;
    }

    /** Adds a subscription (filter null = the whole topic) unless it exists or the chat has too many. */
    public Added subscribe(long chatId, String filter) {
        return subscribe(chatId, filter, null);
    }

    /**
     * Adds a subscription delivering to a forum topic (threadId null: the general topic). The same
     * filter made again in another topic moves there: a chat gets one alert per item.
     */
    public Added subscribe(long chatId, String filter, Long threadId) {
        return change(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, filter, thread_id FROM subscriptions WHERE chat_id = ? AND topic = ?")) {
                ps.setLong(1, chatId);
                ps.setString(2, Subscription.TREATY);
                int count = 0;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        count++;
                        if (!java.util.Objects.equals(rs.getString(2), filter)) continue;
                        long was = rs.getLong(3);
                        Long wasThread = rs.wasNull() ? null : was;
                        if (java.util.Objects.equals(wasThread, threadId)) return Added.EXISTS;
                        try (PreparedStatement mv = c.prepareStatement("UPDATE subscriptions SET thread_id = ? WHERE id = ?")) {
                            Sql.setLong(mv, 1, threadId);
                            mv.setLong(2, rs.getLong(1));
                            mv.executeUpdate();
                        }
                        return Added.ADDED;
                    }
                }
                if (count >= MAX_SUBSCRIPTIONS) return Added.LIMIT;
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO subscriptions (chat_id, topic, filter, thread_id) VALUES (?, ?, ?, ?)")) {
                ps.setLong(1, chatId);
                ps.setString(2, Subscription.TREATY);
                ps.setString(3, filter);
                Sql.setLong(ps, 4, threadId);
                ps.executeUpdate();
            }
            return Added.ADDED;
        });
    }

    /**
     * A forum topic is gone (deleted or closed): its subscriptions and waiting alerts go to the
     * general topic from now on. Returns how many subscriptions were moved (0: already done).
     */
    public int topicGone(long chatId, long threadId) {
        return change(c -> {
            int moved;
            try (PreparedStatement ps = c.prepareStatement("UPDATE subscriptions SET thread_id = NULL WHERE chat_id = ? AND thread_id = ?")) {
                ps.setLong(1, chatId);
                ps.setLong(2, threadId);
                moved = ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE outbox SET thread_id = NULL WHERE chat_id = ? AND thread_id = ? AND status <> 'sent'")) {
                ps.setLong(1, chatId);
                ps.setLong(2, threadId);
                ps.executeUpdate();
            }
            return moved;
        });
    }

    public void setMutedUntil(long chatId, Instant until) {
        update(chatId, "UPDATE chats SET muted_until = ? WHERE chat_id = ?", ps -> Sql.setInstant(ps, 1, until));
    }

    /** Sets or (null) clears the daily digest time; clearing it releases held alerts at once. */
    public void setDigest(long chatId, String hhmm, Instant now) {
        update(chatId, "UPDATE chats SET digest_time = ?, last_digest_at = NULL WHERE chat_id = ?", ps -> ps.setString(1, hhmm));
        if (hhmm == null) {
            db.tx(c -> OutboxStore.releaseHeld(c, chatId));
        } else {
            // Today's digest time may already have passed: count from now, not from the last digest.
            db.tx(c -> {
                markDigest(c, chatId, now);
                return null;
            });
        }
    }

    /** Chats in digest mode with when their last digest went out. */
    public List<DigestChat> digestChats() {
        return db.tx(c -> {
            List<DigestChat> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT chat_id, language, digest_time, time_zone, last_digest_at FROM chats WHERE digest_time IS NOT NULL AND active = TRUE");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new DigestChat(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            Optional.ofNullable(Sql.instant(rs, "last_digest_at"))));
                }
            }
            return out;
        });
    }

    public record DigestChat(long chatId, String language, String digestTime, String timeZone, Optional<Instant> lastDigestAt) {}

    static java.util.Set<Long> digestChats(Connection c) throws SQLException {
        java.util.Set<Long> out = new java.util.HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT chat_id FROM chats WHERE digest_time IS NOT NULL");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) out.add(rs.getLong(1));
        }
        return out;
    }

    static void markDigest(Connection c, long chatId, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE chats SET last_digest_at = ? WHERE chat_id = ?")) {
            Sql.setInstant(ps, 1, at);
            ps.setLong(2, chatId);
            ps.executeUpdate();
        }
    }

    public void setTimeZone(long chatId, String zone) {
        update(chatId, "UPDATE chats SET time_zone = ? WHERE chat_id = ?", ps -> ps.setString(1, zone));
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private void update(long chatId, String sql, Binder first) {
        change(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                first.bind(ps);
                ps.setLong(2, chatId);
                return ps.executeUpdate();
            }
        });
    }

    /** /stop: everything stored about the chat goes (deliveries already sent stay as anonymous history). */
    public void delete(long chatId) {
        change(c -> {
            OutboxStore.dropUnsent(c, chatId);
            for (String sql : new String[] {"DELETE FROM subscriptions WHERE chat_id = ?", "DELETE FROM chats WHERE chat_id = ?"}) {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setLong(1, chatId);
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }

    /** A group became a supergroup with a new id: move the chat, its subscriptions and pending deliveries. */
    public void migrate(long oldId, long newId) {
        change(c -> {
            Optional<Chat> old = get(c, oldId);
            if (old.isEmpty() || get(c, newId).isPresent()) return null;
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO chats (chat_id, language, chat_type, active, muted_until, digest_time, time_zone) "
                            + "SELECT ?, language, 'supergroup', active, muted_until, digest_time, time_zone FROM chats WHERE chat_id = ?")) {
                ps.setLong(1, newId);
                ps.setLong(2, oldId);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE subscriptions SET chat_id = ? WHERE chat_id = ?")) {
                ps.setLong(1, newId);
                ps.setLong(2, oldId);
                ps.executeUpdate();
            }
            OutboxStore.moveUnsent(c, oldId, newId);
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM chats WHERE chat_id = ?")) {
                ps.setLong(1, oldId);
                ps.executeUpdate();
            }
            return null;
        });
    }

    public void activate(long chatId) {
        change(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE chats SET active = TRUE WHERE chat_id = ?")) {
                ps.setLong(1, chatId);
                return ps.executeUpdate();
            }
        });
    }

    /**
     * Adds many subscriptions in one transaction, each chat created (private, in the subscription's
     * language) where new: a benchmark's load of 100,000 takes seconds, where one {@link #subscribe}
     * each would commit 200,000 times. The per-chat limit is the caller's to keep.
     */
    public void addSubscriptions(List<Subscription> subscriptions) {
        change(c -> {
            try (PreparedStatement chat = c.prepareStatement(
                         "INSERT INTO chats (chat_id, language, chat_type) "
                                 + "SELECT ?, ?, 'private' WHERE NOT EXISTS (SELECT 1 FROM chats WHERE chat_id = ?)");
                 PreparedStatement sub = c.prepareStatement(
                         "INSERT INTO subscriptions (chat_id, topic, filter, thread_id) VALUES (?, ?, ?, ?)")) {
                int batched = 0;
                for (Subscription s : subscriptions) {
                    chat.setLong(1, s.chatId());
                    chat.setString(2, s.language());
                    chat.setLong(3, s.chatId());
                    chat.executeUpdate(); // before its subscription, which references it
                    sub.setLong(1, s.chatId());
                    sub.setString(2, s.topic());
                    sub.setString(3, s.filter() == null || s.filter().isBlank() ? null : s.filter());
                    Sql.setLong(sub, 4, s.threadId());
                    sub.addBatch();
                    if (++batched % 1000 == 0) sub.executeBatch();
                }
                sub.executeBatch();
            }
            return null;
        });
    }

    public int countSubscriptions() {
        return db.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM subscriptions");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    public List<Subscription> subscriptions(long chatId) {
        return db.tx(c -> query(c, "WHERE s.chat_id = ?", chatId));
    }

    /** Removes one subscription of the chat, or all when id is empty; returns how many went. */
    public int unsubscribe(long chatId, Optional<Long> id) {
        return change(c -> {
            String sql = "DELETE FROM subscriptions WHERE chat_id = ?" + (id.isPresent() ? " AND id = ?" : "");
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, chatId);
                if (id.isPresent()) ps.setLong(2, id.get());
                return ps.executeUpdate();
            }
        });
    }

    /** Every subscription of every active, unmuted chat, and when the next mute ends (the list is valid until then). */
    public Active activeSubscriptions(Instant now) {
        return db.tx(c -> {
            List<Subscription> subs = query(c, "WHERE ch.active = TRUE AND (ch.muted_until IS NULL OR ch.muted_until <= ?)",
                    java.time.OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC));
            Instant nextUnmute = Instant.MAX;
            try (PreparedStatement ps = c.prepareStatement("SELECT MIN(muted_until) FROM chats WHERE muted_until > ?")) {
                Sql.setInstant(ps, 1, now);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next() && rs.getObject(1) != null) nextUnmute = rs.getObject(1, java.time.OffsetDateTime.class).toInstant();
                }
            }
            return new Active(subs, nextUnmute);
        });
    }

    public record Active(List<Subscription> subscriptions, Instant validUntil) {}

    public int countChats() {
        return db.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM chats WHERE active = TRUE");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    private static List<Subscription> query(Connection c, String where, Object... args) throws SQLException {
        List<Subscription> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT s.id, s.chat_id, ch.language, s.topic, s.filter, s.thread_id FROM subscriptions s "
                        + "JOIN chats ch ON ch.chat_id = s.chat_id " + where + " ORDER BY s.id")) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long thread = rs.getLong(6);
                    Long threadId = rs.wasNull() ? null : thread;
                    out.add(new Subscription(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                            rs.getString(5) == null ? "" : rs.getString(5), threadId));
                }
            }
        }
        return out;
    }
}
