package org.treatywatch;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.treatywatch.bot.FeedAdmin;
import org.treatywatch.config.Durations;
import org.treatywatch.config.FeedDef;
import org.treatywatch.config.FeedsFile;
import org.treatywatch.feed.FeedItem;
import org.treatywatch.feed.FeedParseException;
import org.treatywatch.feed.FeedParser;
import org.treatywatch.feed.Urls;
import org.treatywatch.fetch.Charsets;
import org.treatywatch.fetch.FetchException;
import org.treatywatch.fetch.FetchResult;
import org.treatywatch.schedule.Scheduling;
import org.treatywatch.store.FeedRow;
import org.treatywatch.text.Language;

/** Admin feed operations: a new feed is validated and fetched once before it is saved and scheduled. */
final class FeedAdministration implements FeedAdmin {
    private final Pipeline pipeline;
    private final Scheduling scheduling;

    FeedAdministration(Pipeline pipeline, Scheduling scheduling) {
        this.pipeline = pipeline;
        this.scheduling = scheduling;
    }

    @Override
    public List<FeedRow> feeds() {
        return pipeline.feeds.all();
    }

    @Override
    public Added addFeed(String url, Optional<String> id, Optional<String> language, Optional<String> interval) {
        String feedId = id.orElse(defaultId(url)).toLowerCase();
        if (!FeedsFile.ID.matcher(feedId).matches()) throw new IllegalArgumentException("id \"" + feedId + "\" may use only a-z, 0-9 and '-'");
        if (language.isPresent() && !List.of("he", "ar", "en").contains(language.get())) {
            throw new IllegalArgumentException("language \"" + language.get() + "\" must be he, ar or en");
        }
        Duration every = interval.map(Durations::parseInterval).orElse(Duration.ofMinutes(10));
        List<FeedItem> items;
        try {
            FetchResult res = pipeline.fetcher.fetch(url, null, null, false);
            items = FeedParser.parse(Charsets.decode(res.body(), res.contentType()), res.finalUrl());
        } catch (FetchException | FeedParseException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        String lang = language.orElseGet(() -> {
            StringBuilder sb = new StringBuilder();
            items.forEach(i -> sb.append(i.title()).append(' '));
            String g = Language.guess(sb.toString());
            return List.of("he", "ar", "en").contains(g) ? g : "en";
        });
        FeedDef def = new FeedDef(feedId, Urls.host(url), url.strip(), FeedDef.Kind.RSS, lang, every, true, Optional.empty());
        if (!pipeline.feeds.add(def, FeedRow.ORIGIN_BOT)) throw new IllegalArgumentException("id \"" + feedId + "\" is already used");
        scheduling.sync(pipeline.feeds.all());
        return new Added(def, items.size());
    }

    static String defaultId(String url) {
        String host = Urls.host(url).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return host.isEmpty() ? "feed" : host.length() > 60 ? host.substring(0, 60) : host;
    }
}
