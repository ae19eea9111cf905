package org.treatywatch.store;

/** A Telegram chat the bot talks to, with the language it reads. */
public record Chat(long chatId, String language, String type, boolean active) {}
