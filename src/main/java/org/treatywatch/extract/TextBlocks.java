package org.treatywatch.extract;

import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.treatywatch.text.Mojibake;
import org.treatywatch.text.Normalizer;

/**
 * Flattens the chosen content element into paragraphs: block elements become paragraphs, runs of
 * text and inline elements between them (text split by {@code <br>}, as blogs write) too. Link
 * lists, "read also" labels and the headline itself are left out.
 */
final class TextBlocks {
    private static final Set<String> INLINE = Set.of("a", "abbr", "b", "bdi", "bdo", "cite", "code", "em", "font", "i",
            "img", "kbd", "mark", "q", "s", "small", "span", "strong", "sub", "sup", "time", "u", "var", "label", "wbr",
            "strike", "del", "ins", "big", "tt", "dfn", "data", "nobr");
    private static final Set<String> LEAF_BLOCKS = Set.of("p", "li", "h2", "h3", "h4", "h5", "h6", "pre", "dd", "dt",
            "blockquote", "td", "th", "caption", "address");
    private static final Set<String> SKIPPED = Set.of("h1", "figcaption", "figure", "img", "picture", "video", "audio");

    private final List<String> out;
    private final String titleKey;
    private final StringBuilder text = new StringBuilder();
    private int linkChars;

    private TextBlocks(List<String> out, String title) {
        this.out = out;
        this.titleKey = key(title);
    }

    static void collect(Element root, String title, List<String> out) {
        TextBlocks b = new TextBlocks(out, title);
        if (LEAF_BLOCKS.contains(root.tagName())) b.leaf(root);
        else b.walk(root);
        b.flush();
    }

    private void walk(Element el) {
        for (Node n : el.childNodes()) {
            if (n instanceof TextNode t) {
                text.append(t.text());
            } else if (n instanceof Element c) {
                String tag = c.tagName();
                if (tag.equals("br")) {
                    flush();
                } else if (INLINE.contains(tag) && c.select(Selectors.of("p, div, li, h2, h3, h4, table, ul, ol")).isEmpty()) {
                    String t = c.text();
                    text.append(t);
                    if (tag.equals("a")) linkChars += t.length();
                    else for (Element a : c.select(Selectors.of("a"))) linkChars += a.text().length();
                } else if (SKIPPED.contains(tag)) {
                    flush();
                } else if (LEAF_BLOCKS.contains(tag) && c.select(Selectors.of("p, div, ul, ol, table, h2, h3, h4")).size() <= 1) {
                    flush();
                    leaf(c);
                } else {
                    flush();
                    walk(c);
                    flush();
                }
            }
        }
    }

    private void leaf(Element e) {
        String t = e.text();
        int links = 0;
        for (Element a : e.select(Selectors.of("a"))) links += a.text().length();
        emit(t, links, e.tagName().matches("h[2-6]"));
    }

    private void flush() {
        if (text.length() > 0) emit(text.toString(), linkChars, false);
        text.setLength(0);
        linkChars = 0;
    }

    private void emit(String raw, int links, boolean heading) {
        String t = raw.replaceAll("[\\s\\u00A0]+", " ").strip();
        if (t.isEmpty()) return;
        double density = Math.min(1.0, (double) links / t.length());
        if (density > 0.5 && !(t.length() > 60 && density < 0.8)) return;
        if (Boilerplate.isLabel(t) || Boilerplate.startsWithLabel(t)) return;
        if (heading && key(t).equals(titleKey)) return;
        if (!heading && t.length() < 3) return;
        out.add(Mojibake.repair(t));
    }

    private static String key(String s) {
        return s == null ? "" : Normalizer.forMatching(s).replaceAll("[^\\p{L}\\p{N}]+", "");
    }
}
