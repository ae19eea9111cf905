package org.treatywatch.summarize;

import java.time.Instant;
import java.util.Optional;

/** The content of one alert, before it is rendered in a subscriber's language. */
public record Alert(String title, String summary, String why, String url, String outlet, String articleLanguage,
                    Optional<Instant> published, EventCard card) {}
