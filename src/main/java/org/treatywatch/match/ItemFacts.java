package org.treatywatch.match;

import java.util.Set;

/** What matching needs to know about a relevant item: its feed and its words (normalized, with clitic readings). */
public record ItemFacts(String feedId, Set<String> words) {}
