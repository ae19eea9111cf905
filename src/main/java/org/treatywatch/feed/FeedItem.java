package org.treatywatch.feed;

import java.time.Instant;
import java.util.Optional;
import org.treatywatch.text.Bidi;
import org.treatywatch.text.OneLine;

/**
 * One entry of a feed or outlet page; guid is stable across polls. Every source makes its items
 * here, so this is where a title becomes one clean line and a summary loses hidden controls: a
 * sitemap's title or a page's link text goes into alerts as it is.
 */
public record FeedItem(String guid, String url, String title, String summary, Optional<Instant> published) {
    public FeedItem {
        title = OneLine.of(title);
        summary = Bidi.stripControls(summary);
    }
}
