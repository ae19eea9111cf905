package org.treatywatch.summarize;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.treatywatch.text.PhraseMatcher;

/**
 * People, places and story stages with their names in Hebrew, Arabic and English, and the
 * spellings that identify them in text. Loaded from templates/gazetteer.yaml by config.
 */
public final class Gazetteer {
    public enum Kind { PERSON, PLACE }

    /** A person or place: display names and roles by language code. */
    public record Name(String id, Kind kind, Map<String, String> names, Map<String, String> roles) {
        public String in(String lang) {
            return names.getOrDefault(lang, names.getOrDefault("en", id));
        }

        public Optional<String> roleIn(String lang) {
            return Optional.ofNullable(roles.get(lang));
        }
    }

    /** A stage of the treaty story; a higher order is further along. */
    public record Stage(String id, int order, Map<String, String> labels) {
        public String in(String lang) {
            return labels.getOrDefault(lang, labels.getOrDefault("en", id));
        }
    }

    private final PhraseMatcher<Name> names = new PhraseMatcher<>();
    private final PhraseMatcher<Stage> stages = new PhraseMatcher<>();
    private final java.util.Map<String, Name> namesById = new java.util.HashMap<>();
    private final java.util.Map<String, Stage> stagesById = new java.util.HashMap<>();

    public void add(Name name, List<String> forms) {
        namesById.put(name.id(), name);
        for (String f : forms) names.add(name, f);
    }

    public void add(Stage stage, List<String> forms) {
        stagesById.put(stage.id(), stage);
        for (String f : forms) stages.add(stage, f);
    }

    public Optional<Name> name(String id) {
        return Optional.ofNullable(namesById.get(id));
    }

    public Optional<Stage> stage(String id) {
        return Optional.ofNullable(stagesById.get(id));
    }

    /** People and places named in the text, in order of first mention, each once. */
    public List<Name> namesIn(String text) {
        List<Name> out = new ArrayList<>();
        for (PhraseMatcher.Match<Name> m : names.find(text)) if (!out.contains(m.label())) out.add(m.label());
        return out;
    }

    /** The furthest stage the text mentions. */
    public Optional<Stage> stageIn(String text) {
        Stage best = null;
        for (PhraseMatcher.Match<Stage> m : stages.find(text)) {
            if (best == null || m.label().order() > best.order()) best = m.label();
        }
        return Optional.ofNullable(best);
    }

    public static Gazetteer empty() {
        return new Gazetteer();
    }
}
