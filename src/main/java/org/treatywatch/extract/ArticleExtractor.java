package org.treatywatch.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.treatywatch.text.Language;
import org.treatywatch.text.Mojibake;
import org.treatywatch.text.Normalizer;

/**
 * Extracts the article from a page. Metadata comes from JSON-LD, og: and article: meta first.
 * The body is JSON-LD articleBody when present, else the block whose paragraphs score best
 * (text length and punctuation, low link density, class/id hints), after page furniture and
 * "read also" blocks are removed. A body repeated twice keeps one copy.
 */
public final class ArticleExtractor {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final java.util.regex.Pattern TAG = java.util.regex.Pattern.compile("</?[a-zA-Z][^>]*>");
    private static final String REMOVE = "script, style, noscript, iframe, nav, footer, aside, svg, button, "
            + "select, input, textarea, template, figure figcaption, [hidden], [aria-hidden=true], .sr-only";

    private ArticleExtractor() {}

    /**
     * A news article is a few thousand elements; a page of more is read up to this many (its head and
     * the beginning of its body), so memory and work per page stay bounded whatever the page.
     */
    static final int MAX_ELEMENTS = 30_000;
    /** Deeper elements are attached at this depth: real pages nest a few dozen levels, hostile ones thousands. */
    static final int MAX_DEPTH = 128;

    public static Article extract(String html, String url) {
        String bounded = firstElements(html, MAX_ELEMENTS);
        FirstRead first = firstRead(bounded, url);
        String title = first.title();
        List<String> paragraphs = first.paragraphs();
        // Readability's fallback: if stripping unlikely blocks and weighting classes left too little,
        // try again with fewer assumptions and keep the longest result. Each pass edits its own tree,
        // parsed again rather than cloned, so one copy of the page is held at a time.
        for (int strictness = 1; strictness >= 0 && length(paragraphs) < MIN_ARTICLE_CHARS; strictness--) {
            List<String> out = fromDom(parse(bounded, url), title, strictness);
            // A short news item is still an article: only a much longer result replaces it.
            if (length(out) > Math.max(length(paragraphs) * 1.5, 100)) paragraphs = out;
        }
        // JSON-LD articleBody is exact when complete, but some sites put only the first paragraph there.
        String body = first.ld().get("articleBody");
        if (body != null && body.strip().length() > 200 && body.strip().length() >= 0.6 * length(paragraphs)) {
            paragraphs = new ArrayList<>();
            for (String p : body.split("\\n+")) addParagraph(paragraphs, p);
        }
        paragraphs = dedupe(paragraphs);
        title = Mojibake.repair(title == null ? "" : org.treatywatch.text.Bidi.stripControls(title).strip());
        String lang = Language.guess(title + " " + String.join(" ", paragraphs));
        return new Article(title, paragraphs, first.published(), lang, first.canonical(), first.image());
    }

    /** What one parse of the page gives: its metadata and the strictest reading of its body. */
    private record FirstRead(Map<String, String> ld, String title, Optional<Instant> published, String canonical,
                             Optional<String> image, List<String> paragraphs) {}

    private static FirstRead firstRead(String html, String url) {
        Document doc = parse(html, url);
        Map<String, String> ld = jsonLd(doc);
        String title = firstNonBlank(ld.get("headline"), meta(doc, "og:title"), meta(doc, "twitter:title"),
                text(doc.selectFirst(Selectors.of("h1"))), doc.title());
        Optional<Instant> published = parseDate(firstNonBlank(ld.get("datePublished"), meta(doc, "article:published_time"),
                attr(doc.selectFirst(Selectors.of("time[datetime]")), "datetime"), meta(doc, "date"), meta(doc, "pubdate")));
        String canonical = firstNonBlank(attr(doc.selectFirst(Selectors.of("link[rel=canonical]")), "abs:href"), meta(doc, "og:url"), url);
        Optional<String> image = Optional.ofNullable(firstNonBlank(meta(doc, "og:image"), ld.get("image"))).filter(s -> !s.isBlank());
        return new FirstRead(ld, title, published, canonical, image, fromDom(doc, title, 2));
    }

    /** Plain text: the first line is the title, the rest is the body. */
    public static Article fromText(String text, String source) {
        String[] lines = text.strip().split("\\R", 2);
        String title = Mojibake.repair(org.treatywatch.text.Bidi.stripControls(lines[0]).strip());
        List<String> paragraphs = new ArrayList<>();
        if (lines.length > 1) for (String p : lines[1].split("\\R+")) addParagraph(paragraphs, p);
        return new Article(title, dedupe(paragraphs), Optional.empty(), Language.guess(text), source, Optional.empty());
    }

    private static final int MIN_ARTICLE_CHARS = 350;

    private static Document parse(String html, String url) {
        return Parser.htmlParser().setMaxDepth(MAX_DEPTH).parseInput(html, url == null ? "" : url);
    }

    /** The page up to its {@code max}-th start tag (counted by a scan, before any parsing). */
    static String firstElements(String html, int max) {
        int tags = 0;
        for (int i = 0, n = html.length() - 1; i < n; i++) {
            if (html.charAt(i) == '<' && Character.isLetter(html.charAt(i + 1)) && ++tags > max) return html.substring(0, i);
        }
        return html;
    }

    private static List<String> fromDom(Document doc, String title, int strictness) {
        Element body = doc.body();
        if (body == null) return List.of();
        body.select(REMOVE).remove();
        body.select(Selectors.of("form:not(:has(p))")).remove(); // search boxes and logins; some sites wrap the whole page in a form
        body.select(Selectors.of("[style~=(?i)display:\\s*none|visibility:\\s*hidden]")).remove();
        if (strictness >= 2) {
            int total = body.text().length();
            for (Element e : new ArrayList<>(body.getAllElements())) {
                if (e == body || e.parent() == null) continue;
                if (ContentScore.isUnlikely(e) && e.text().length() < total * 0.4) e.remove();
            }
        }
        removeLabelledBlocks(body);
        wrapLooseText(body);
        List<Element> content = ContentScore.bestContent(body, strictness >= 1);
        List<String> out = new ArrayList<>();
        for (Element c : content) TextBlocks.collect(c, title, out);
        return out;
    }

    private static final java.util.Set<String> INLINE = java.util.Set.of("a", "abbr", "b", "bdi", "bdo", "br", "cite", "code", "em",
            "font", "i", "img", "kbd", "mark", "q", "s", "small", "span", "strong", "sub", "sup", "time", "u", "var", "wbr", "strike",
            "del", "ins", "big", "tt");

    /**
     * Text written straight into a container next to block elements (blogs, old CMSs) is wrapped in
     * a {@code <p>} so it is scored like any paragraph, as Readability does.
     */
    private static void wrapLooseText(Element body) {
        for (Element container : body.select(Selectors.of("div, section, article, main, td"))) {
            if (container.children().stream().noneMatch(c -> !INLINE.contains(c.tagName()))) continue; // a leaf: scored as is
            List<org.jsoup.nodes.Node> run = new ArrayList<>();
            for (org.jsoup.nodes.Node n : new ArrayList<>(container.childNodes())) {
                boolean inline = n instanceof org.jsoup.nodes.TextNode
                        || (n instanceof Element e && INLINE.contains(e.tagName()) && e.select(Selectors.of("p, div, ul, ol, table")).isEmpty());
                if (inline) {
                    run.add(n);
                } else {
                    wrap(run);
                    run.clear();
                }
            }
            wrap(run);
        }
    }

    private static void wrap(List<org.jsoup.nodes.Node> run) {
        StringBuilder text = new StringBuilder();
        for (org.jsoup.nodes.Node n : run) {
            text.append(n instanceof org.jsoup.nodes.TextNode t ? t.text() : ((Element) n).text());
        }
        if (text.toString().strip().length() < 25) return;
        Element p = new Element("p");
        run.get(0).before(p);
        for (org.jsoup.nodes.Node n : run) p.appendChild(n);
    }

    private static int length(List<String> paragraphs) {
        int n = 0;
        for (String p : paragraphs) n += p.length();
        return n;
    }

    /** Removes blocks introduced by a label such as "read also" or "more articles" (lexicon/boilerplate-labels.txt). */
    private static void removeLabelledBlocks(Element body) {
        for (Element e : body.select(Selectors.of("h1, h2, h3, h4, h5, h6, strong, b, span, div, p, li, header"))) {
            if (e.parent() == null || !e.children().isEmpty() && e.text().length() > 40) continue;
            if (!Boilerplate.isLabel(e.text())) continue;
            Element block = e;
            while (block.parent() != null && block.parent().text().length() < 1500 && linkDensity(block.parent()) > 0.4
                    && !ContentScore.isArticleContainer(block.parent())) {
                block = block.parent();
            }
            Element next = block.nextElementSibling();
            if (block == e && next != null && (next.tagName().equals("ul") || next.tagName().equals("ol") || linkDensity(next) > 0.5)) {
                next.remove();
            }
            block.remove();
        }
    }

    private static void addParagraph(List<String> out, String p) {
        String t = p == null ? "" : org.treatywatch.text.Bidi.stripControls(p).replaceAll("[\\s\\u00A0]+", " ").strip();
        if (!t.isEmpty()) out.add(Mojibake.repair(t));
    }

    /** Drops paragraphs seen before (pages that print the body twice) and a trailing repeat. */
    static List<String> dedupe(List<String> paragraphs) {
        Set<String> seen = new HashSet<>();
        List<String> out = new ArrayList<>();
        for (String p : paragraphs) {
            String key = Normalizer.forMatching(p).replaceAll("[^\\p{L}\\p{N}]+", "");
            if (key.length() > 0 && seen.add(key)) out.add(p);
        }
        return out;
    }

    static double linkDensity(Element e) {
        int total = e.text().length();
        if (total == 0) return 0;
        int links = 0;
        for (Element a : e.select(Selectors.of("a"))) links += a.text().length();
        return Math.min(1.0, (double) links / total);
    }

    /** JSON-LD fields of the first NewsArticle/Article object on the page. */
    private static Map<String, String> jsonLd(Document doc) {
        Map<String, String> out = new HashMap<>();
        for (Element s : doc.select(Selectors.of("script[type=application/ld+json]"))) {
            try {
                JsonNode n = JSON.readTree(s.data());
                findArticle(n, out);
                if (!out.isEmpty()) break;
            } catch (Exception ignored) {
                // broken JSON-LD is common; fall back to the DOM
            }
        }
        return out;
    }

    private static void findArticle(JsonNode n, Map<String, String> out) {
        if (n == null || !out.isEmpty()) return;
        if (n.isArray()) {
            for (JsonNode c : n) findArticle(c, out);
            return;
        }
        if (!n.isObject()) return;
        if (n.has("@graph")) findArticle(n.get("@graph"), out);
        String type = n.path("@type").isArray() ? n.path("@type").toString() : n.path("@type").asText("");
        if (type.contains("Article") || type.contains("NewsArticle") || type.contains("BlogPosting") || type.contains("Report")) {
            put(out, "headline", n.path("headline"));
            put(out, "articleBody", n.path("articleBody"));
            put(out, "datePublished", n.path("datePublished"));
            JsonNode img = n.path("image");
            if (img.isArray() && img.size() > 0) img = img.get(0);
            put(out, "image", img.isObject() ? img.path("url") : img);
        }
    }

    private static void put(Map<String, String> out, String key, JsonNode v) {
        if (v == null || !v.isTextual() || v.asText().isBlank()) return;
        String text = v.asText();
        // Some sites put HTML in articleBody, sometimes escaped twice.
        for (int i = 0; i < 3 && TAG.matcher(text).find(); i++) text = textOf(Jsoup.parse(text).body());
        out.put(key, Parser.unescapeEntities(text, false).strip());
    }

    /** Text with a line break after each block, so paragraphs survive. */
    private static String textOf(Element root) {
        root.select(Selectors.of("br")).after("\n");
        root.select(Selectors.of("p, div, h2, h3, h4, li, blockquote")).after("\n");
        return root.wholeText();
    }

    private static String meta(Document doc, String name) {
        for (Element e : doc.getElementsByTag("meta")) {
            if (name.equalsIgnoreCase(e.attr("property")) || name.equalsIgnoreCase(e.attr("name"))) return e.attr("content");
        }
        return null;
    }

    private static String attr(Element e, String name) {
        return e == null ? null : e.attr(name);
    }

    private static String text(Element e) {
        return e == null ? null : e.text();
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) if (v != null && !v.isBlank()) return v.strip();
        return null;
    }

    /** Formats pages write dates in: ISO with or without colon in the offset (+03:00, +0300), with a space, or a bare date. */
    private static final java.time.format.DateTimeFormatter[] DATE_FORMATS = {
        java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME,
        java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm[:ss][.SSS][.SS][.S]XX"),
        java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss]XXX"),
        java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss]XX"),
    };

    static Optional<Instant> parseDate(String s) {
        if (s == null || s.isBlank()) return Optional.empty();
        String t = s.strip();
        for (java.time.format.DateTimeFormatter f : DATE_FORMATS) {
            try {
                return Optional.of(OffsetDateTime.parse(t, f).toInstant());
            } catch (DateTimeParseException e) {
                // the next format
            }
        }
        try {
            return Optional.of(Instant.parse(t));
        } catch (DateTimeParseException e) {
            // a date alone: its start, in UTC
        }
        try {
            return Optional.of(java.time.LocalDate.parse(t.length() >= 10 ? t.substring(0, 10) : t).atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

}
