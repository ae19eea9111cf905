package org.treatywatch.store;

/**
 * A chat's standing request for alerts; filter is empty for the whole treaty topic; threadId is the
 * forum topic of a supergroup the alerts go to (null: the general topic, or a chat without topics).
 */
public record Subscription(long id, long chatId, String language, String topic, String filter, Long threadId) {
    public static final String TREATY = "treaty";

    public Subscription(long id, long chatId, String language, String topic, String filter) {
        this(id, chatId, language, topic, filter, null);
    }
}
