package org.treatywatch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Fixtures and small builders shared by tests. */
public final class TestFiles {
    private TestFiles() {}

    public static String resource(String name) {
        try (InputStream in = TestFiles.class.getResourceAsStream("/" + name)) {
            if (in == null) throw new IllegalArgumentException("no test resource " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The shipped gazetteer (templates/gazetteer.yaml): people, places, institutions by side. */
    public static org.treatywatch.read.Gazetteer shippedGazetteer() {
        return org.treatywatch.config.GazetteerFile.load(Path.of("templates"));
    }

    /** The detector as shipped: feeds.yaml's topics and the gazetteer. */
    public static org.treatywatch.detect.TopicDetector shippedDetector() {
        return org.treatywatch.service.Topic.detector(org.treatywatch.config.FeedsFile.parse("feeds.yaml", shippedTopics()), shippedGazetteer());
    }

    /** The shipped reading: the detector's lexicon and the gazetteer, as the service reads every item. */
    public static org.treatywatch.read.Reader shippedReader() {
        return shippedDetector().reader();
    }

    /** The shipped feeds.yaml's topics section, so tests use the real lexicon. */
    public static String shippedTopics() {
        try {
            String all = Files.readString(Path.of("feeds.yaml"), StandardCharsets.UTF_8);
            return all.substring(all.indexOf("\ntopics:") + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A feeds.yaml with one RSS feed and the shipped topics. */
    public static Path feedsYaml(Path dir, String id, String url, String language, String interval) throws IOException {
        String yaml = "feeds:\n  - id: " + id + "\n    name: Test " + id + "\n    url: " + url + "\n    language: " + language
                + "\n    interval: " + interval + "\n" + shippedTopics();
        Path p = dir.resolve("feeds.yaml");
        Files.writeString(p, yaml, StandardCharsets.UTF_8);
        return p;
    }

    public record RssItem(String guid, String title, String link, String description) {}

    public static String rss(List<RssItem> items) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>"
                + "<title>Test</title><link>http://example.org/</link><description>test</description>\n");
        for (RssItem i : items) {
            sb.append("<item><guid>").append(i.guid()).append("</guid><title>").append(escape(i.title()))
                    .append("</title><link>").append(escape(i.link())).append("</link><description>")
                    .append(escape(i.description())).append("</description><pubDate>Fri, 17 Jan 2025 12:00:00 GMT</pubDate></item>\n");
        }
        return sb.append("</channel></rss>\n").toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
