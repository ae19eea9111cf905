package org.treatywatch.extract;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** An article as extracted: the text is the article's own, without the page around it. */
public record Article(String title, List<String> paragraphs, Optional<Instant> published, String language,
                      String canonicalUrl, Optional<String> image) {
    public String text() {
        return String.join("\n", paragraphs);
    }
}
