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
    /** An institution (Duma, Rosatom) stands for a side but is never where something happened. */
    public enum Kind { PERSON, PLACE, INSTITUTION, PROJECT, COUNTRY }

    /**
     * A person, place, institution, project or country: display names and roles by language code;
     * {@code side} is the country id it stands for ("russia", "iran", or "" for neither);
     * {@code country} is a place's country id; {@code years} when a person held the role.
     */
    public record Name(String id, Kind kind, Map<String, String> names, Map<String, String> roles, String side,
                       String country, String years) {
        public Name(String id, Kind kind, Map<String, String> names, Map<String, String> roles) {
            this(id, kind, names, roles, "", "", "");
        }

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

    private final java.util.Map<Name, List<String>> formsByName = new java.util.LinkedHashMap<>();

    public void add(Name name, List<String> forms) {
        namesById.put(name.id(), name);
        formsByName.put(name, List.copyOf(forms));
        for (String f : forms) names.add(name, f, name.kind() == Kind.PERSON);
    }

    /** Every spelling of every entry that stands for this side, by kind: what the detector knows of it. */
    public List<String> formsOf(String side, Kind kind) {
        List<String> out = new ArrayList<>();
        formsByName.forEach((n, forms) -> {
            if (n.kind() == kind && side.equals(sideOf(n))) out.addAll(forms);
        });
        return out;
    }

    /** The side an entry stands for: its own, or its country's for a place. */
    public String sideOf(Name n) {
        if (!n.side().isEmpty()) return n.side();
        return n.kind() == Kind.PLACE ? n.country() : "";
    }

    /** The country a place lies in, when the gazetteer knows it. */
    public Optional<Name> countryOf(Name place) {
        return place.country().isEmpty() ? Optional.empty() : name(place.country());
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
