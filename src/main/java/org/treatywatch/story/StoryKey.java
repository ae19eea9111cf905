package org.treatywatch.story;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/** What identifies an item's story: its URL and text fingerprint, and its event's normalized entities. */
public record StoryKey(String url, long simhash, Optional<String> stage, Set<String> people, Set<String> places,
                       Optional<LocalDate> date) {}
