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
 * Loads templates/gazetteer.yaml (people, places, stages in he/ar/en). A missing or broken file is
 * reported and the copy built into the jar is used.
 */
public final class GazetteerFile {
    private static final Logger log = LoggerFactory.getLogger(GazetteerFile.class);
    static final String FILE = "gazetteer.yaml";

    private GazetteerFile() {}

    public static Gazetteer load(Path templatesDir) {
        Path p = templatesDir.resolve(FILE);
        if (Files.isRegularFile(p)) {
            try {
                return parse(Files.readString(p, StandardCharsets.UTF_8));
            } catch (IOException | RuntimeException | StackOverflowError e) {
                log.error("templates/{}: {} — using the built-in gazetteer", FILE, e.getMessage());
            }
        }
        try (InputStream in = GazetteerFile.class.getResourceAsStream("/templates/" + FILE)) {
            if (in == null) return Gazetteer.empty();
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the built-in gazetteer", e);
        }
    }

    @SuppressWarnings("unchecked")
    static Gazetteer parse(String yaml) {
        Object root = new Yaml(YamlLimits.options()).load(yaml);
        if (!(root instanceof Map<?, ?> map)) throw new IllegalArgumentException("expected people:, places: and stages:");
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
