package org.treatywatch.config;

import java.util.List;
import java.util.Map;

/** A feeds.yaml for a feed list (the export maintainers commit), keeping the current file's topics. */
public final class FeedsYamlWriter {
    private FeedsYamlWriter() {}

    /** origins: feed id → where it came from (yaml, bot), written as a comment; currentFile may be null. */
    public static String write(List<FeedDef> feeds, Map<String, String> origins, String currentFile) {
        StringBuilder y = new StringBuilder("# Exported by treatywatch: feeds from feeds.yaml and from admins.\n");
        y.append(feeds.isEmpty() ? "feeds: []\n" : "feeds:\n");
        for (FeedDef f : feeds) {
            y.append("  - id: ").append(f.id()).append("            # origin: ").append(origins.getOrDefault(f.id(), "yaml")).append('\n');
            y.append("    name: ").append(quote(f.name())).append('\n');
            y.append("    url: ").append(quote(f.url())).append('\n');
            y.append("    kind: ").append(f.kind().key()).append('\n');
            y.append("    language: ").append(f.language()).append('\n');
            y.append("    interval: ").append(Durations.format(f.interval())).append('\n');
            y.append("    enabled: ").append(f.enabled()).append('\n');
            f.links().ifPresent(l -> y.append("    links: ").append(quote(l)).append('\n'));
        }
        if (currentFile != null) {
            int topics = currentFile.indexOf("\ntopics:");
            if (topics >= 0) y.append('\n').append(currentFile.substring(topics + 1));
        }
        return y.toString();
    }

    /**
     * A YAML double-quoted scalar that loads back as the same text whatever it holds: everything but
     * printable characters is escaped, so a line break, "---" after one, or a control character cannot
     * end the scalar, start a document or make the file unreadable. A lone surrogate becomes U+FFFD.
     */
    static String quote(String s) {
        StringBuilder q = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isSurrogate(c)) {
                boolean pair = Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
                if (pair) q.append(c).append(s.charAt(++i));
                else q.append("\\uFFFD");
            } else if (c == '"' || c == '\\') {
                q.append('\\').append(c);
            } else if (c == '\n') {
                q.append("\\n");
            } else if (c == '\t') {
                q.append("\\t");
            } else if (c < ' ' || (c >= '\u007F' && c <= '\u009F') || c == '\u2028' || c == '\u2029' || c == '\uFEFF'
                    || c == '\uFFFE' || c == '\uFFFF') {
                q.append(String.format("\\u%04X", (int) c));
            } else {
                q.append(c);
            }
        }
        return q.append('"').toString();
    }
}
