package org.treatywatch.translate;

import java.util.Optional;

/** Translates an alert's title and summary; empty when it cannot (off, refused, slow, broken). */
public interface Translator {
    Optional<Translation> translate(String title, String summary, String from, String to);

    /** No translation server configured. */
    static Translator none() {
        return (title, summary, from, to) -> Optional.empty();
    }

    /** A LibreTranslate client (answers within 5 s or not at all) when a URL is configured, else {@link #none()}. */
    static Translator from(String url, String key) {
        return url == null || url.isBlank() ? none() : libreTranslate(url, key, LibreTranslateClient.TIMEOUT);
    }

    static Translator libreTranslate(String url, String key, java.time.Duration timeout) {
        return new LibreTranslateClient(url, key, timeout);
    }
}
