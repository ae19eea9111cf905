package org.treatywatch.match;

import java.util.Set;

/** What matching needs to know about a relevant item: its feed and its words (normalized, with clitic readings). */
public record ItemFacts(String feedId, Set<String> words) {
    /** A judged article's facts: the words of its title and text, as subscriptions are matched against them. */
    public static ItemFacts of(String feedId, String title, String text) {
        return new ItemFacts(feedId, KeywordFilter.wordsOf(title + "\n" + text));
    }
}
