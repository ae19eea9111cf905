package org.treatywatch.feed;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.parser.Parser;
import org.treatywatch.text.Mojibake;

/**
 * Reads RSS 0.9x/1.0/2.0 and Atom: streamed by {@link StaxFeedReader}, with Rome for what it does not
 * know. Lenient where real feeds are sloppy (BOM, leading
 * blanks, stray '&', HTML entities XML does not know); items get a stable guid (the feed's, else
 * the canonical link, else a hash of title and date), absolute links and plain-text summaries.
 */
public final class FeedParser {
    private static final Pattern STRAY_AMP = Pattern.compile("&(?!(?:#\\d+|#x[0-9a-fA-F]+|[a-zA-Z][a-zA-Z0-9]*);)");
    private static final Pattern NAMED_ENTITY = Pattern.compile("&([a-zA-Z][a-zA-Z0-9]*);");
    private static final java.util.Set<String> XML_ENTITIES = java.util.Set.of("amp", "lt", "gt", "quot", "apos");

    private FeedParser() {}

    public static List<FeedItem> parse(String xml, String feedUrl) throws FeedParseException {
        Optional<List<StaxFeedReader.RawEntry>> streamed = streamed(clean(xml));
        if (streamed.isPresent()) {
            List<FeedItem> items = new ArrayList<>(streamed.get().size());
            for (StaxFeedReader.RawEntry e : streamed.get()) items.add(item(e, feedUrl));
            return items;
        }
        return parseWithRome(xml, feedUrl);
    }

    /** The common formats in one streaming pass, repaired once if sloppy; empty hands the feed to Rome. */
    private static Optional<List<StaxFeedReader.RawEntry>> streamed(String xml) {
        // A DOCTYPE still here has an internal subset (entity definitions): Rome refuses it.
        if (DOCTYPE.matcher(xml.substring(0, Math.min(xml.length(), 4096))).find()) return Optional.empty();
        try {
            return StaxFeedReader.read(xml);
        } catch (javax.xml.stream.XMLStreamException | RuntimeException first) {
            try {
                return StaxFeedReader.read(repair(xml));
            } catch (javax.xml.stream.XMLStreamException | RuntimeException second) {
                return Optional.empty(); // Rome tries too, and words the error
            }
        }
    }

    private static List<FeedItem> parseWithRome(String xml, String feedUrl) throws FeedParseException {
        SyndFeed feed;
        try {
            feed = build(clean(xml));
        } catch (Exception first) {
            try {
                feed = build(repair(clean(xml)));
            } catch (Exception second) {
                throw new FeedParseException("not a readable RSS or Atom feed: " + rootMessage(first), first);
            }
        }
        List<FeedItem> items = new ArrayList<>();
        for (SyndEntry e : feed.getEntries()) items.add(item(e, feedUrl));
        return items;
    }

    private static SyndFeed build(String xml) throws Exception {
        SyndFeedInput in = new SyndFeedInput();
        in.setAllowDoctypes(false);
        return in.build(new StringReader(xml));
    }

    // A DOCTYPE without an internal subset (RSS 0.91's Netscape DTD) declares nothing we need and is
    // dropped; one with an internal subset can define entities and stays, so the parser refuses it.
    private static final Pattern DOCTYPE = Pattern.compile("<!DOCTYPE", Pattern.CASE_INSENSITIVE);
    private static final Pattern PLAIN_DOCTYPE = Pattern.compile("<!DOCTYPE[^\\[>]*>", Pattern.CASE_INSENSITIVE);

    private static String clean(String xml) {
        String s = xml;
        if (!s.isEmpty() && s.charAt(0) == '\uFEFF') s = s.substring(1);
        s = s.stripLeading();
        // A DOCTYPE comes before the root element: only the head is searched, not the whole feed.
        String head = s.substring(0, Math.min(s.length(), 4096));
        if (!DOCTYPE.matcher(head).find()) return s;
        return PLAIN_DOCTYPE.matcher(s).replaceFirst("");
    }

    /** Escapes stray ampersands and turns HTML named entities into numeric ones. */
    static String repair(String xml) {
        String s = STRAY_AMP.matcher(xml).replaceAll("&amp;");
        return NAMED_ENTITY.matcher(s).replaceAll(m -> {
            String name = m.group(1);
            if (XML_ENTITIES.contains(name)) return m.group();
            String decoded = Parser.unescapeEntities(m.group(), false);
            if (decoded.equals(m.group())) return "&amp;" + name + ";";
            StringBuilder out = new StringBuilder();
            decoded.codePoints().forEach(cp -> out.append("&#").append(cp).append(';'));
            return out.toString();
        });
    }

    private static FeedItem item(StaxFeedReader.RawEntry e, String base) {
        String url = Urls.web(Urls.canonical(Urls.resolve(base, e.link()))).orElse(null);
        String title = text(e.title());
        String summary = e.description() != null && !e.description().isBlank() ? text(e.description()) : text(e.content());
        Optional<Instant> date = FeedDates.parse(e.published()).or(() -> FeedDates.parse(e.updated()));
        return new FeedItem(guid(e.id(), e.link(), url, title, date, summary), url, title, summary, date);
    }

    // The feed's own id, unless it is just the raw link: the canonical URL is steadier; else a hash.
    private static String guid(String id, String link, String url, String title, Optional<Instant> date, String summary) {
        String guid = id == null ? null : id.strip();
        if (guid == null || guid.isBlank() || guid.equals(link == null ? null : link.strip())) guid = url;
        if (guid == null || guid.isBlank()) guid = "sha1:" + sha1(title + "|" + date.map(Instant::toString).orElse("") + "|" + summary);
        return guid.strip();
    }

    private static FeedItem item(SyndEntry e, String base) {
        String link = e.getLink();
        if ((link == null || link.isBlank()) && !e.getLinks().isEmpty()) link = e.getLinks().get(0).getHref();
        String url = Urls.web(Urls.canonical(Urls.resolve(base, link))).orElse(null); // only web links, never javascript: or tg://
        String title = text(e.getTitle());
        String summary = summary(e);
        Optional<Instant> date = Optional.ofNullable(e.getPublishedDate() != null ? e.getPublishedDate() : e.getUpdatedDate())
                .map(java.util.Date::toInstant);
        // Rome reports the raw link as the uri when there is no guid.
        return new FeedItem(guid(e.getUri(), link, url, title, date, summary), url, title, summary, date);
    }

    private static String summary(SyndEntry e) {
        SyndContent d = e.getDescription();
        if (d != null && d.getValue() != null && !d.getValue().isBlank()) return text(d.getValue());
        for (SyndContent c : e.getContents()) {
            if (c.getValue() != null && !c.getValue().isBlank()) return text(c.getValue());
        }
        return "";
    }

    /** Plain text from a title or description that may hold HTML or escaped HTML. */
    static String text(String maybeHtml) {
        if (maybeHtml == null) return "";
        String s = maybeHtml;
        if (s.contains("<") || s.contains("&")) s = Jsoup.parse(s).text();
        return Mojibake.repair(org.treatywatch.text.Bidi.stripControls(s).replaceAll("\\s+", " ").strip());
    }

    private static String rootMessage(Throwable t) {
        Throwable r = t;
        while (r.getCause() != null && r.getCause() != r) r = r.getCause();
        String m = r.getMessage() == null ? r.getClass().getSimpleName() : r.getMessage();
        return m.length() > 200 ? m.substring(0, 200) + "…" : m;
    }

    static String sha1(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
