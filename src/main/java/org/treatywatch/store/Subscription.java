package org.treatywatch.store;

/** A chat's standing request for alerts; filter is empty for the whole treaty topic. */
public record Subscription(long id, long chatId, String language, String topic, String filter) {
    public static final String TREATY = "treaty";
}
