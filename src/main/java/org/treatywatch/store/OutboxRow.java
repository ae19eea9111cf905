package org.treatywatch.store;

/** One delivery: a rendered alert for one chat. */
public record OutboxRow(long id, long itemId, long chatId, String body, String status, int attempts) {
    public static final String PENDING = "pending";
    public static final String SENDING = "sending";
    public static final String SENT = "sent";
    public static final String DEAD = "dead";
    public static final String DROPPED = "dropped";
}
