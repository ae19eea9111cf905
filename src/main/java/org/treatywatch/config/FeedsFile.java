package org.treatywatch.config;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.treatywatch.read.Concept;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Loads feeds.yaml: the outlets and the topic's lexicon. Every problem is collected with its line
 * and a fix ({@code feeds.yaml:12: interval "10" needs a unit, e.g. 10m}); a bad feed entry is
 * left out and the good ones are kept.
 */
public final class FeedsFile {
    public static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    static final Set<String> FEED_KEYS = Set.of("id", "name", "url", "kind", "language", "interval", "enabled", "links");
    static final Set<String> LANGUAGES = Set.copyOf(org.treatywatch.text.Language.FEEDS);
    public static final double DEFAULT_THRESHOLD = 0.6;

    /** What was loaded, and every error found on the way. */
    public record Loaded(List<FeedDef> feeds, Map<Concept, List<String>> topics, double threshold, List<String> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    private final String fileName;
    private final List<String> errors = new ArrayList<>();

    private FeedsFile(String fileName) {
        this.fileName = fileName;
    }

    public static Loaded load(Path path) {
        String name = path.getFileName() == null ? path.toString() : path.getFileName().toString();
        try {
            return parse(name, Files.readString(path, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Loaded(List.of(), Map.of(), DEFAULT_THRESHOLD, List.of(name + ": cannot read " + path + ": " + e.getMessage()));
        }
    }

    public static Loaded parse(String fileName, String yaml) {
        return new FeedsFile(fileName).read(new StringReader(yaml));
    }

    private Loaded read(Reader reader) {
        Node root;
        try {
            root = new Yaml(YamlLimits.options()).compose(reader);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            return failed(fileName + ":" + line + ": not valid YAML: " + e.getProblem());
        } catch (YAMLException e) {
            return failed(fileName + ": not valid YAML: " + e.getMessage());
        } catch (StackOverflowError | OutOfMemoryError e) {
            return failed(fileName + ": not read: nested too deeply or too large");
        }
        if (!(root instanceof MappingNode map)) return failed(fileName + ":1: expected a mapping with 'feeds:' and 'topics:'");
        List<FeedDef> feeds = new ArrayList<>();
        Map<Concept, List<String>> topics = new EnumMap<>(Concept.class);
        double threshold = DEFAULT_THRESHOLD;
        for (NodeTuple t : map.getValue()) {
            String key = scalar(t.getKeyNode()).orElse("");
            switch (key) {
                case "feeds" -> feeds = readFeeds(t.getValueNode());
                case "topics" -> threshold = readTopics(t.getValueNode(), topics);
                default -> error(t.getKeyNode(), "unknown top-level key '" + key + "' (known: feeds, topics)");
            }
        }
        return new Loaded(List.copyOf(feeds), topics, threshold, List.copyOf(errors));
    }

    private Loaded failed(String message) {
        return new Loaded(List.of(), Map.of(), DEFAULT_THRESHOLD, List.of(message));
    }

    private List<FeedDef> readFeeds(Node node) {
        List<FeedDef> out = new ArrayList<>();
        if (!(node instanceof SequenceNode seq)) {
            error(node, "'feeds' must be a list of entries starting with '- id: ...'");
            return out;
        }
        Set<String> ids = new HashSet<>();
        for (Node entry : seq.getValue()) {
            readFeed(entry).ifPresent(f -> {
                if (ids.add(f.id())) out.add(f);
                else error(entry, "id \"" + f.id() + "\" is used twice; ids must be unique");
            });
        }
        return out;
    }

    private Optional<FeedDef> readFeed(Node node) {
        if (!(node instanceof MappingNode map)) {
            error(node, "a feed must be a mapping with id, url, language ...");
            return Optional.empty();
        }
        int before = errors.size();
        Map<String, Node> fields = new java.util.HashMap<>();
        for (NodeTuple t : map.getValue()) {
            String key = scalar(t.getKeyNode()).orElse("");
            if (!FEED_KEYS.contains(key)) error(t.getKeyNode(), "unknown key '" + key + "' (known: " + String.join(", ", new java.util.TreeSet<>(FEED_KEYS)) + ")");
            else fields.put(key, t.getValueNode());
        }
        String id = text(fields, "id").orElse("");
        if (id.isEmpty()) error(node, "feed has no id; add e.g. 'id: bbc-arabic'");
        else if (!ID.matcher(id).matches()) error(fields.get("id"), "id \"" + id + "\" may use only a-z, 0-9 and '-'");

        String url = text(fields, "url").orElse("");
        if (url.isEmpty()) error(node, "feed \"" + id + "\" has no url");
        else if (!validUrl(url)) error(fields.get("url"), "url \"" + url + "\" must be an http(s) or file: URL");

        FeedDef.Kind kind = FeedDef.Kind.RSS;
        String kindText = text(fields, "kind").orElse("rss");
        try {
            kind = FeedDef.Kind.valueOf(kindText.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            error(fields.get("kind"), "kind \"" + kindText + "\" must be rss, page or sitemap");
        }

        String language = text(fields, "language").orElse("");
        if (!LANGUAGES.contains(language)) {
            error(fields.getOrDefault("language", node), "language \"" + language + "\" must be he, ar, en, ru or fa");
        }

        Duration interval = Duration.ofMinutes(10);
        Optional<String> intervalText = text(fields, "interval");
        if (intervalText.isPresent()) {
            try {
                interval = Durations.parseInterval(intervalText.get());
            } catch (IllegalArgumentException e) {
                error(fields.get("interval"), (id.isEmpty() ? "" : "feed \"" + id + "\": ") + "interval " + e.getMessage());
            }
        }

        boolean enabled = true;
        Optional<String> enabledText = text(fields, "enabled");
        if (enabledText.isPresent()) {
            if (enabledText.get().equals("true") || enabledText.get().equals("false")) enabled = Boolean.parseBoolean(enabledText.get());
            else error(fields.get("enabled"), "enabled \"" + enabledText.get() + "\" must be true or false");
        }

        Optional<String> links = text(fields, "links");
        if (kind == FeedDef.Kind.PAGE && links.isEmpty()) error(node, "feed \"" + id + "\" is kind: page and needs 'links:' (a CSS selector such as \"h3 a\")");
        if (kind != FeedDef.Kind.PAGE && links.isPresent()) error(fields.get("links"), "'links' is only for kind: page");
        if (links.isPresent()) {
            try {
                org.jsoup.select.QueryParser.parse(links.get());
            } catch (RuntimeException e) {
                error(fields.get("links"), "links \"" + links.get() + "\" is not a CSS selector: " + e.getMessage());
            }
        }
        if (errors.size() > before) return Optional.empty();
        String name = text(fields, "name").orElse(id);
        return Optional.of(new FeedDef(id, name, url, kind, language, interval, enabled, links));
    }

    private double readTopics(Node node, Map<Concept, List<String>> topics) {
        double threshold = DEFAULT_THRESHOLD;
        if (!(node instanceof MappingNode map)) {
            error(node, "'topics' must map concepts (russia, iran, treaty ...) to their words");
            return threshold;
        }
        for (NodeTuple t : map.getValue()) {
            String key = scalar(t.getKeyNode()).orElse("");
            if (key.equals("threshold")) {
                String v = scalar(t.getValueNode()).orElse("");
                try {
                    threshold = Double.parseDouble(v);
                    if (threshold <= 0 || threshold > 1) throw new NumberFormatException();
                } catch (NumberFormatException e) {
                    error(t.getValueNode(), "threshold \"" + v + "\" must be a number in (0, 1], e.g. 0.6");
                }
                continue;
            }
            Optional<Concept> concept = Concept.fromKey(key);
            if (concept.isEmpty()) {
                error(t.getKeyNode(), "unknown concept '" + key + "' (known: " + java.util.Arrays.stream(Concept.values()).map(Concept::key).collect(java.util.stream.Collectors.joining(", ")) + ", threshold)");
                continue;
            }
            topics.put(concept.get(), readForms(t.getValueNode()));
        }
        return threshold;
    }

    /** Either a list of words, or a mapping from language code to a list of words. */
    private List<String> readForms(Node node) {
        List<String> out = new ArrayList<>();
        readForms(node, out, 0);
        return out;
    }

    // Bounded: a self-referencing alias or aliases doubling through nested maps end with an error, not a crash.
    private void readForms(Node node, List<String> out, int depth) {
        if (depth > 2) {
            error(node, "words nest too deeply: use a list, or languages (he, ar, en ...) each with a list");
            return;
        }
        if (node instanceof SequenceNode seq) {
            for (Node n : seq.getValue()) {
                if (++formsRead > YamlLimits.MAX_FORMS) {
                    if (formsRead == YamlLimits.MAX_FORMS + 1) error(n, "more than " + YamlLimits.MAX_FORMS + " words under topics:");
                    return;
                }
                scalar(n).ifPresentOrElse(out::add, () -> error(n, "expected a word or phrase"));
            }
        } else if (node instanceof MappingNode map) {
            for (NodeTuple t : map.getValue()) readForms(t.getValueNode(), out, depth + 1);
        } else {
            error(node, "expected a list of words, or languages (he, ar, en ...) each with a list");
        }
    }

    private int formsRead;

    private static boolean validUrl(String url) {
        try {
            URI u = new URI(url);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase();
            if (scheme.equals("file")) return true;
            return (scheme.equals("http") || scheme.equals("https")) && u.getHost() != null;
        } catch (Exception e) {
            return false;
        }
    }

    private Optional<String> text(Map<String, Node> fields, String key) {
        Node n = fields.get(key);
        if (n == null) return Optional.empty();
        Optional<String> v = scalar(n);
        if (v.isEmpty()) error(n, "'" + key + "' must be a single value");
        return v.map(String::strip).filter(s -> !s.isEmpty());
    }

    private static Optional<String> scalar(Node n) {
        return n instanceof ScalarNode s ? Optional.of(s.getValue()) : Optional.empty();
    }

    private void error(Node at, String message) {
        int line = at == null ? 0 : at.getStartMark().getLine() + 1;
        errors.add(fileName + ":" + line + ": " + message);
    }
}
