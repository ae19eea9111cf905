package org.treatywatch.store;

/** One delivery: a rendered alert for one chat. */
/** threadId: the forum topic the alert goes to (null: the general topic, or a chat without topics). */
public record OutboxRow(long id, long itemId, long chatId, String body, String status, int attempts, Long threadId) {
    public OutboxRow(long id, long itemId, long chatId, String body, String status, int attempts) {
        this(id, itemId, chatId, body, status, attempts, null);
    }

    public static final String PENDING = "pending";
    public static final String SENDING = "sending";
    public static final String SENT = "sent";
    public static final String DEAD = "dead";
    public static final String DROPPED = "dropped";
    /** Waiting for the chat's daily digest. */
    public static final String HELD = "held";
    /** Sent as part of a digest (the digest itself is another row). */
    public static final String DIGESTED = "digested";
}
