package org.treatywatch.extract;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * Finds the element that holds the article, in the manner of Mozilla Readability: paragraphs give
 * points to their ancestors (more for long text and commas), class/id hints add or subtract,
 * link-heavy blocks lose; the best element and its similar siblings are the content, cleaned of
 * link lists, forms and image galleries.
 */
final class ContentScore {
    private static final Pattern UNLIKELY = Pattern.compile(
            "-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|"
                    + "related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|"
                    + "pagination|pager|popup|yom-remote|newsletter|subscribe|ticker|cookie|consent|share|most-?read|trending|"
                    + "read-?also|see-?also|tags|keywords|author-?box|outbrain|taboola", Pattern.CASE_INSENSITIVE);
    private static final Pattern MAYBE = Pattern.compile("and|article|body|column|content|main|shadow", Pattern.CASE_INSENSITIVE);
    private static final Pattern POSITIVE = Pattern.compile(
            "article|body|content|entry|hentry|h-entry|main|page|post|text|blog|story|news-?details?", Pattern.CASE_INSENSITIVE);
    private static final Pattern NEGATIVE = Pattern.compile(
            "-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|foot|footer|footnote|gdpr|masthead|media|meta|"
                    + "outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|tool|widget|byline|author|"
                    + "caption|newsletter|recommend", Pattern.CASE_INSENSITIVE);
    private static final Pattern UNLIKELY_ROLES = Pattern.compile("menu|menubar|complementary|navigation|alert|alertdialog|dialog");
    private static final int MIN_PARAGRAPH = 25;
    private static final int LEVELS = 5;

    private ContentScore() {}

    /** Page furniture by class, id or role, unless the name also suggests content. */
    static boolean isUnlikely(Element e) {
        String tag = e.tagName();
        if (tag.equals("body") || tag.equals("a") || tag.equals("article") || tag.equals("main")) return false;
        if (UNLIKELY_ROLES.matcher(e.attr("role")).matches()) return true;
        String hint = e.className() + " " + e.id();
        if (hint.isBlank()) return false;
        return UNLIKELY.matcher(hint).find() && !MAYBE.matcher(hint).find() && !hasAncestorTag(e, "table", "code");
    }

    static boolean isArticleContainer(Element e) {
        String hint = e.className() + " " + e.id();
        return e.tagName().equals("article") || e.tagName().equals("main") || e.tagName().equals("body")
                || (POSITIVE.matcher(hint).find() && e.select(Selectors.of("p")).size() >= 3);
    }

    /** The top-scoring element and the siblings that look like more of the same article. */
    static List<Element> bestContent(Element body, boolean weighClasses) {
        Map<Element, Double> scores = new IdentityHashMap<>();
        for (Element p : body.select(Selectors.of("p, pre, td, blockquote, section, div"))) {
            if ((p.tagName().equals("div") || p.tagName().equals("section") || p.tagName().equals("td"))
                    && p.select(Selectors.of("p, div, section, table, ul, ol, blockquote, pre")).size() > 1) { // select() includes p itself
                continue; // a container, not a paragraph
            }
            String text = p.text();
            if (text.length() < MIN_PARAGRAPH) continue;
            double points = 1 + commas(text) + Math.min(text.length() / 100, 3);
            Element a = p.parent();
            for (int level = 0; a != null && level < LEVELS; level++, a = a.parent()) {
                if (!scores.containsKey(a)) scores.put(a, initialScore(a, weighClasses));
                double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
                scores.put(a, scores.get(a) + points / divider);
                if (a == body) break;
            }
        }
        Element top = null;
        double best = Double.NEGATIVE_INFINITY;
        for (Map.Entry<Element, Double> e : scores.entrySet()) {
            double s = e.getValue() * (1 - ArticleExtractor.linkDensity(e.getKey()));
            e.setValue(s);
            if (s > best) {
                best = s;
                top = e.getKey();
            }
        }
        if (top == null) return List.of(body);
        List<Element> out = new ArrayList<>();
        Element parent = top.parent();
        if (parent == null) return List.of(weighClasses ? clean(top) : top);
        double threshold = Math.max(10, best * 0.2);
        for (Element sibling : parent.children()) {
            if (sibling == top) {
                out.add(weighClasses ? clean(sibling) : sibling);
                continue;
            }
            double bonus = !top.className().isEmpty() && sibling.className().equals(top.className()) ? best * 0.2 : 0;
            Double s = scores.get(sibling);
            boolean append = s != null && s + bonus >= threshold;
            if (!append && sibling.tagName().equals("p")) {
                String t = sibling.text();
                double ld = ArticleExtractor.linkDensity(sibling);
                append = (t.length() > 80 && ld < 0.25) || (t.length() > 0 && t.length() <= 80 && ld == 0 && t.matches("(?s).*[.!?\\u061F]$"));
            }
            if (append) out.add(weighClasses ? clean(sibling) : sibling);
        }
        return out;
    }

    private static double initialScore(Element e, boolean weighClasses) {
        double s = switch (e.tagName()) {
            case "div", "article", "main" -> 5;
            case "pre", "td", "blockquote" -> 3;
            case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
            case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
            default -> 0;
        };
        return weighClasses ? s + classWeight(e) : s;
    }

    static int classWeight(Element e) {
        int w = 0;
        for (String hint : new String[] {e.className(), e.id()}) {
            if (hint.isEmpty()) continue;
            if (NEGATIVE.matcher(hint).find()) w -= 25;
            if (POSITIVE.matcher(hint).find()) w += 25;
        }
        return w;
    }

    /** Removes link lists, galleries and forms left inside the content (Readability's conditional cleaning). */
    private static Element clean(Element content) {
        List<Element> candidates = new ArrayList<>(content.select(Selectors.of("div, section, ul, ol, table, form, figure")));
        for (int i = candidates.size() - 1; i >= 0; i--) {
            Element e = candidates.get(i);
            if (e == content || e.parent() == null) continue;
            int weight = classWeight(e);
            if (weight < 0) {
                e.remove();
                continue;
            }
            String text = e.text();
            if (commas(text) >= 10) continue;
            int p = e.select(Selectors.of("p")).size();
            int img = e.select(Selectors.of("img")).size();
            int li = e.select(Selectors.of("li")).size() - 100;
            int inputs = e.select(Selectors.of("input")).size();
            double ld = ArticleExtractor.linkDensity(e);
            boolean list = e.tagName().equals("ul") || e.tagName().equals("ol");
            boolean remove = (img > 1 && (double) p / img < 0.5 && !hasAncestorTag(e, "figure"))
                    || (!list && li > p)
                    || (inputs > p / 3)
                    || (text.length() < MIN_PARAGRAPH && img == 0 && !list && e.select(Selectors.of("h2, h3, h4")).isEmpty() && text.isBlank())
                    || (weight < 25 && ld > 0.2 && !(list && ld < 0.6 && text.length() > 200))
                    || (weight >= 25 && ld > 0.5);
            if (remove) e.remove();
        }
        return content;
    }

    private static boolean hasAncestorTag(Element e, String... tags) {
        for (Element a = e.parent(); a != null; a = a.parent()) {
            for (String t : tags) if (a.tagName().equals(t)) return true;
        }
        return false;
    }

    static int commas(String t) {
        int n = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == ',' || c == '\u060C') n++; // Latin or Arabic comma
        }
        return n;
    }
}
