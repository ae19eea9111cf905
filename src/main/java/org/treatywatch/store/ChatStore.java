package org.treatywatch.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Chats and their subscriptions. */
public final class ChatStore {
    private final Db db;

    public ChatStore(Db db) {
        this.db = db;
    }

    public Optional<Chat> get(long chatId) {
        return db.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT chat_id, language, chat_type, active FROM chats WHERE chat_id = ?")) {
                ps.setLong(1, chatId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next()
                            ? Optional.of(new Chat(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)))
                            : Optional.empty();
                }
            }
        });
    }

    /** Creates the chat with a language if new; an existing chat is re-activated and keeps its language. */
    public Chat ensure(long chatId, String language, String type) {
        return db.tx(c -> {
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
            try (PreparedStatement ps = c.prepareStatement("SELECT chat_id, language, chat_type, active FROM chats WHERE chat_id = ?")) {
                ps.setLong(1, chatId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return new Chat(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4));
                }
            }
        });
    }

    public void setLanguage(long chatId, String language) {
        db.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE chats SET language = ? WHERE chat_id = ?")) {
                ps.setString(1, language);
                ps.setLong(2, chatId);
                return ps.executeUpdate();
            }
        });
    }

    /** The bot was blocked or removed: no more deliveries until the chat talks to us again. */
    public void deactivate(long chatId) {
        db.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE chats SET active = FALSE WHERE chat_id = ?")) {
                ps.setLong(1, chatId);
                return ps.executeUpdate();
            }
        });
    }

    /** Subscribes the chat to the whole treaty topic; false if it already is. */
    public boolean subscribeTopic(long chatId) {
        return db.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT 1 FROM subscriptions WHERE chat_id = ? AND topic = ? AND filter IS NULL")) {
                ps.setLong(1, chatId);
                ps.setString(2, Subscription.TREATY);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) return false;
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO subscriptions (chat_id, topic) VALUES (?, ?)")) {
                ps.setLong(1, chatId);
                ps.setString(2, Subscription.TREATY);
                ps.executeUpdate();
            }
            return true;
        });
    }

    public List<Subscription> subscriptions(long chatId) {
        return db.tx(c -> query(c, "WHERE s.chat_id = ?", chatId));
    }

    /** Removes one subscription of the chat, or all when id is empty; returns how many went. */
    public int unsubscribe(long chatId, Optional<Long> id) {
        return db.tx(c -> {
            String sql = "DELETE FROM subscriptions WHERE chat_id = ?" + (id.isPresent() ? " AND id = ?" : "");
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, chatId);
                if (id.isPresent()) ps.setLong(2, id.get());
                return ps.executeUpdate();
            }
        });
    }

    /** Every subscription of every active chat, for matching inside the item's transaction. */
    static List<Subscription> activeSubscriptions(Connection c) throws SQLException {
        return query(c, "WHERE ch.active = TRUE");
    }

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
                "SELECT s.id, s.chat_id, ch.language, s.topic, s.filter FROM subscriptions s "
                        + "JOIN chats ch ON ch.chat_id = s.chat_id " + where + " ORDER BY s.id")) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Subscription(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                            rs.getString(5) == null ? "" : rs.getString(5)));
                }
            }
        }
        return out;
    }
}
