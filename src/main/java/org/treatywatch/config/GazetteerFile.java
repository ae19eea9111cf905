package org.treatywatch.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.treatywatch.read.Gazetteer;
import org.yaml.snakeyaml.Yaml;

/**
 * Loads templates/gazetteer.yaml (people, places, stages in he/ar/en) and, merged into it, the
 * files that add a source language's forms (gazetteer.ru.yaml, gazetteer.fa.yaml: the same keys,
 * their lists appended, new entries added). A missing or broken file is reported and the copy
 * built into the jar is used.
 */
public final class GazetteerFile {
    private static final Logger log = LoggerFactory.getLogger(GazetteerFile.class);
    static final String FILE = "gazetteer.yaml";

    private GazetteerFile() {}

    /** The source languages whose forms live in a file of their own beside gazetteer.yaml. */
    static final List<String> OVERLAYS = List.of("ru", "fa");

    public static Gazetteer load(Path templatesDir) {
        List<String> texts = new ArrayList<>();
        texts.add(read(templatesDir, FILE));
        for (String lang : OVERLAYS) texts.add(read(templatesDir, "gazetteer." + lang + ".yaml"));
        try {
            return parse(texts.toArray(String[]::new));
        } catch (RuntimeException | StackOverflowError e) {
            log.error("templates/gazetteer: {} — using the built-in gazetteer", e.getMessage());
        }
        List<String> builtIn = new ArrayList<>();
        builtIn.add(builtIn(FILE));
        for (String lang : OVERLAYS) builtIn.add(builtIn("gazetteer." + lang + ".yaml"));
        return parse(builtIn.toArray(String[]::new));
    }

    // The file in the templates folder, else the copy in the jar; an overlay may be missing ("").
    private static String read(Path templatesDir, String file) {
        Path p = templatesDir.resolve(file);
        if (Files.isRegularFile(p)) {
            try {
                return Files.readString(p, StandardCharsets.UTF_8);
            } catch (IOException e) {
                log.error("templates/{}: {} — using the built-in copy", file, e.getMessage());
            }
        }
        return builtIn(file);
    }

    private static String builtIn(String file) {
        try (InputStream in = GazetteerFile.class.getResourceAsStream("/templates/" + file)) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the built-in " + file, e);
        }
    }

    /** Parses gazetteer.yaml, then merges each overlay into it: maps key by key, lists appended. */
    @SuppressWarnings("unchecked")
    static Gazetteer parse(String... yamls) {
        Map<String, Object> merged = null;
        for (String yaml : yamls) {
            if (yaml == null || yaml.isBlank()) continue;
            Object root = new Yaml(YamlLimits.options()).load(yaml);
            if (!(root instanceof Map<?, ?> map)) throw new IllegalArgumentException("expected people:, places: and stages:");
            if (merged == null) merged = (Map<String, Object>) map;
            else merge(merged, (Map<String, Object>) map);
        }
        return merged == null ? Gazetteer.empty() : build(merged);
    }

    @SuppressWarnings("unchecked")
    private static void merge(Map<String, Object> into, Map<String, Object> more) {
        for (var e : more.entrySet()) {
            Object have = into.get(e.getKey());
            if (have instanceof Map<?, ?> m && e.getValue() instanceof Map<?, ?> add) {
                merge((Map<String, Object>) m, (Map<String, Object>) add);
            } else if (have instanceof List<?> l && e.getValue() instanceof List<?> add) {
                List<Object> both = new ArrayList<>(l);
                both.addAll(add);
                into.put(e.getKey(), both);
            } else if (have == null) {
                into.put(e.getKey(), e.getValue());
            } // a name or a side already given stays: an overlay adds forms, it does not rename
        }
    }

    @SuppressWarnings("unchecked")
    private static Gazetteer build(Map<String, Object> map) {
        Gazetteer g = new Gazetteer();
        addNames(g, (Map<String, Object>) map.get("countries"), Gazetteer.Kind.COUNTRY);
        addNames(g, (Map<String, Object>) map.get("people"), Gazetteer.Kind.PERSON);
        addNames(g, (Map<String, Object>) map.get("places"), Gazetteer.Kind.PLACE);
        addNames(g, (Map<String, Object>) map.get("institutions"), Gazetteer.Kind.INSTITUTION);
        addNames(g, (Map<String, Object>) map.get("projects"), Gazetteer.Kind.PROJECT);
        Map<String, Object> stages = (Map<String, Object>) map.get("stages");
        int order = 0;
        if (stages != null) {
            for (var e : stages.entrySet()) {
                Map<String, Object> v = (Map<String, Object>) e.getValue();
                Gazetteer.Stage stage = new Gazetteer.Stage(e.getKey(), order++, languages(v));
                g.add(stage, strings(v.get("forms")), strings(v.get("upcoming")), strings(v.get("mentions")), strings(v.get("past")));
                g.addArrivals(stage, strings(v.get("arrival")));
            }
        }
        g.addUpcomingMarkers(strings(map.get("upcoming_markers")));
        g.addLocativeWords(strings(map.get("locative_words")));
        g.addAppositionWords(strings(map.get("apposition_words")));
        g.addBetweenWords(strings(map.get("between_words")));
        if (map.get("reading") instanceof Map<?, ?> reading) {
            for (Gazetteer.Cue cue : Gazetteer.Cue.values()) {
                g.addCues(cue, strings(reading.get(cue.name().toLowerCase(java.util.Locale.ROOT))));
            }
        }
        return g;
    }

    @SuppressWarnings("unchecked")
    private static void addNames(Gazetteer g, Map<String, Object> entries, Gazetteer.Kind kind) {
        if (entries == null) return;
        for (var e : entries.entrySet()) {
            Map<String, Object> v = (Map<String, Object>) e.getValue();
            Map<String, String> roles = v.get("role") instanceof Map<?, ?> r ? languages((Map<String, Object>) r) : Map.of();
            Map<String, String> names = new HashMap<>(languages(v));
            if (v.get("in") instanceof Map<?, ?> in) languages((Map<String, Object>) in).forEach((lang, text) -> names.put(lang + "_in", text));
            g.add(new Gazetteer.Name(e.getKey(), kind, Map.copyOf(names), roles, field(v, "side"), field(v, "country"),
                    field(v, "years")), strings(v.get("forms")));
            if (!field(v, "seat").isEmpty()) g.addSeat(e.getKey(), field(v, "seat"));
        }
    }

    private static String field(Map<String, Object> v, String key) {
        Object o = v.get(key);
        return o == null ? "" : String.valueOf(o).strip();
    }

    private static Map<String, String> languages(Map<String, Object> v) {
        Map<String, String> out = new HashMap<>();
        for (String lang : org.treatywatch.text.Language.FEEDS) if (v.get(lang) != null) out.put(lang, String.valueOf(v.get(lang)));
        return out;
    }

    private static List<String> strings(Object o) {
        List<String> out = new ArrayList<>();
        if (o instanceof List<?> l) for (Object x : l) out.add(String.valueOf(x));
        return out;
    }
}
