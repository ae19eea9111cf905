package org.treatywatch.bot;

/** The archive search, one rendered page of results for a chat. */
@FunctionalInterface
public interface SearchSource {
    /** A page of results (Telegram HTML) and whether there are pages before and after it. */
    record Page(String html, int page, boolean previous, boolean next) {}

    Page search(String words, int page, String lang);
}
