package org.treatywatch.service;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.treatywatch.config.FeedsFile;
import org.treatywatch.read.Concept;
import org.treatywatch.read.Lexicon;
import org.treatywatch.read.Reader;
import org.treatywatch.detect.TopicDetector;
import org.treatywatch.read.Gazetteer;

/**
 * Builds the detector from the {@code topics:} section of feeds.yaml and the gazetteer: the
 * gazetteer's people, institutions, projects and places marked with a side stand for it, so an item
 * that names only officials ("Lavrov received Araghchi") still has both sides.
 */
public final class Topic {
    /** The topic as shipped: the {@code topics:} section of the feeds.yaml built into the jar. */
    private static final Map<Concept, List<String>> BUILT_IN = builtIn();

    private Topic() {}

    private static Map<Concept, List<String>> builtIn() {
        try (java.io.InputStream in = Topic.class.getResourceAsStream("/defaults/feeds.yaml")) {
            if (in == null) return Map.of();
            return FeedsFile.parse("built-in feeds.yaml", new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)).topics();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read the built-in feeds.yaml", e);
        }
    }

    public static TopicDetector detector(FeedsFile.Loaded loaded, Gazetteer gazetteer) {
        Map<Concept, List<String>> forms = new EnumMap<>(Concept.class);
        // a concept feeds.yaml lists replaces the built-in one; a concept it leaves out keeps the built-in words
        BUILT_IN.forEach((c, l) -> forms.put(c, new ArrayList<>(l)));
        loaded.topics().forEach((c, l) -> forms.put(c, new ArrayList<>(l)));
        Map<Concept, List<String>> names = new EnumMap<>(Concept.class);
        for (Concept side : List.of(Concept.RUSSIA, Concept.IRAN)) {
            String id = side.key();
            names.put(side, gazetteer.formsOf(id, Gazetteer.Kind.PERSON));
            List<String> other = forms.computeIfAbsent(side, k -> new ArrayList<>());
            for (Gazetteer.Kind k : List.of(Gazetteer.Kind.INSTITUTION, Gazetteer.Kind.PROJECT, Gazetteer.Kind.PLACE)) {
                other.addAll(gazetteer.formsOf(id, k));
            }
        }
        Lexicon lexicon = new Lexicon(forms, names);
        if (lexicon.size(Concept.RUSSIA) == 0 || lexicon.size(Concept.IRAN) == 0 || lexicon.size(Concept.TREATY) == 0) {
            throw new IllegalStateException("feeds.yaml: topics needs words for russia, iran and treaty; nothing could ever match");
        }
        return new TopicDetector(new Reader(lexicon, gazetteer), loaded.threshold());
    }
}
