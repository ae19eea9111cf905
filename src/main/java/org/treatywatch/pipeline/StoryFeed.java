package org.treatywatch.pipeline;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.treatywatch.deliver.AlertRenderer;
import org.treatywatch.deliver.Templates;
import org.treatywatch.store.StoryStore;
import org.treatywatch.summarize.EventCard;
import org.treatywatch.read.Gazetteer;

/**
 * The treaty's stories as an Atom 1.0 feed in one reader language, newest report first, so a feed
 * reader can follow the curated stream: each entry is a story with the generated headline, its card
 * (date, stage, place) and every outlet that reported it with its link. Written by Rome, from text
 * made XML-safe first ({@link StoryFeedText}): what an outlet wrote can never make the feed unwritable.
 */
public final class StoryFeed {
    public static final int DEFAULT_ENTRIES = 50;
    /** Ids are names, not addresses: the same wherever and however the feed is served. */
    private static final String ID_PREFIX = "urn:treatywatch:stories:";

    private final StoryStore stories;
    private final Supplier<Gazetteer> gazetteer;
    private final Templates templates;
    private final AlertRenderer renderer;

    public StoryFeed(StoryStore stories, Supplier<Gazetteer> gazetteer, Templates templates, AlertRenderer renderer) {
        this.stories = stories;
        this.gazetteer = gazetteer;
        this.templates = templates;
        this.renderer = renderer;
    }

    /**
     * The feed document; selfUrl is its rel="self" link: where it is served, best relative to the
     * document itself (e.g. {@code stories.he.atom}) so that no request header decides it.
     */
    public String atom(String lang, int limit, String selfUrl) {
        Gazetteer g = gazetteer.get();
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType("atom_1.0");
        feed.setTitle(StoryFeedText.xmlSafe(templates.render("stories_feed_title", lang, Map.of()).strip()));
        feed.setUri(ID_PREFIX + lang);
        feed.setLanguage(lang);
        SyndLink self = new SyndLinkImpl();
        self.setRel("self");
        self.setHref(StoryFeedText.plain(selfUrl));
        self.setType("application/atom+xml");
        feed.setLinks(List.of(self));
        List<SyndEntry> entries = new ArrayList<>();
        Instant newest = Instant.EPOCH;
        for (StoryStore.Latest l : stories.latest(limit)) {
            entries.add(entry(g, lang, l));
            if (l.lastSeen().isAfter(newest)) newest = l.lastSeen();
        }
        feed.setPublishedDate(Date.from(newest));
        feed.setEntries(entries);
        try {
            return new SyndFeedOutput().outputString(feed, true);
        } catch (FeedException e) {
            throw new IllegalStateException("cannot write the stories feed: " + e.getMessage(), e);
        }
    }

    private SyndEntry entry(Gazetteer g, String lang, StoryStore.Latest latest) {
        StoryStore.StoryRow s = latest.story();
        EventCard card = new EventCard(names(g, s.people()), names(g, s.places()), s.date(), s.stage().flatMap(g::stage));
        String headline = StoryFeedText.xmlSafe(renderer.headline(card, lang));
        String original = StoryFeedText.plain(s.title());
        List<StoryStore.Report> reports = stories.reports(s.id()).stream()
                .map(r -> new StoryStore.Report(r.outlet() == null ? null : StoryFeedText.plain(r.outlet()),
                        r.url() == null ? null : StoryFeedText.plain(r.url()), StoryFeedText.plain(r.title()), r.seenAt()))
                .toList();
        Map<String, Object> ctx = new LinkedHashMap<>();
        ctx.put("date", s.date().map(Object::toString).orElse(s.firstSeen().atZone(ZoneOffset.UTC).toLocalDate().toString()));
        ctx.put("stage", card.stage().map(st -> st.in(lang)).orElse(""));
        ctx.put("places", card.places().stream().map(p -> p.in(lang)).toList());
        ctx.put("title", original);
        List<Map<String, String>> outlets = new ArrayList<>();
        for (StoryStore.Report r : reports) {
            if (r.url() == null) continue;
            outlets.add(Map.of("outlet", r.outlet() == null ? r.url() : r.outlet(), "url", r.url(),
                    "title", r.title() == null ? "" : r.title()));
        }
        ctx.put("outlets", outlets);
        SyndEntry e = new SyndEntryImpl();
        e.setUri(ID_PREFIX + lang + ":" + s.id());
        // Atom wants an author: the outlets that reported the story.
        String by = String.join(", ", new java.util.LinkedHashSet<>(reports.stream().map(StoryStore.Report::outlet)
                .filter(o -> o != null && !o.isBlank()).toList()));
        e.setAuthor(by.isBlank() ? "treatywatch" : by);
        e.setTitle(headline.isBlank() ? original : headline);
        reports.stream().map(StoryStore.Report::url).filter(u -> u != null && !u.isBlank()).findFirst().ifPresent(e::setLink);
        e.setPublishedDate(Date.from(s.firstSeen()));
        e.setUpdatedDate(Date.from(latest.lastSeen()));
        SyndContent content = new SyndContentImpl();
        content.setType("html");
        content.setValue(StoryFeedText.xmlSafe(templates.render("story_entry", lang, ctx).strip()));
        e.setContents(List.of(content));
        return e;
    }

    private static List<Gazetteer.Name> names(Gazetteer g, java.util.Set<String> ids) {
        List<Gazetteer.Name> out = new ArrayList<>();
        for (String id : ids) g.name(id).ifPresent(out::add);
        return out;
    }
}
