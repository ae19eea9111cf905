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

    /** A YAML double-quoted scalar. */
    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
