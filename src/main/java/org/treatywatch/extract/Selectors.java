package org.treatywatch.extract;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * CSS selectors parsed once: jsoup parses a selector string on every select() call, and the
 * extractor's selectors run per element on every page. Only the extractor's own literal selectors
 * come here, so the cache stays small.
 */
final class Selectors {
    private static final Map<String, Evaluator> PARSED = new ConcurrentHashMap<>();

    private Selectors() {}

    static Evaluator of(String css) {
        return PARSED.computeIfAbsent(css, QueryParser::parse);
    }
}
