package org.treatywatch.read;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.treatywatch.text.PhraseMatcher;

/**
 * The topic's surface forms by concept, from feeds.yaml. Each token is tried with its clitics
 * removed, so والمعاهدة finds معاهده; forms inside a longer third-party name are dropped
 * (روسيا البيضاء is Belarus, not Russia).
 */
public final class Lexicon {
    private final PhraseMatcher<Concept> matcher = new PhraseMatcher<>();
    private final Map<Concept, Integer> sizes = new EnumMap<>(Concept.class);

    public Lexicon(Map<Concept, List<String>> forms) {
        this(forms, Map.of());
    }

    /**
     * @param forms words and phrases matched as listed
     * @param names people's names (by side), also matched in other transliterations of the same letters
     */
    public Lexicon(Map<Concept, List<String>> forms, Map<Concept, List<String>> names) {
        forms.forEach((concept, list) -> add(concept, list, false));
        names.forEach((concept, list) -> add(concept, list, true));
    }

    private void add(Concept concept, List<String> list, boolean names) {
        for (String raw : list) if (matcher.add(concept, raw, names)) sizes.merge(concept, 1, Integer::sum);
    }

    public int size(Concept concept) {
        return sizes.getOrDefault(concept, 0);
    }

    public List<Hit> find(List<String> tokens) {
        List<Hit> hits = new ArrayList<>();
        for (PhraseMatcher.Match<Concept> m : matcher.find(tokens)) hits.add(new Hit(m.label(), m.phrase(), m.start(), m.end()));
        return dropRoutes(dropShadowed(hits));
    }

    // "gas via Azerbaijan": a third party right after a transit word is a route, not a party to the deal
    private static List<Hit> dropRoutes(List<Hit> hits) {
        java.util.Set<Integer> routeStarts = new java.util.HashSet<>();
        for (Hit h : hits) if (h.concept() == Concept.TRANSIT) routeStarts.add(h.end());
        if (routeStarts.isEmpty()) return hits;
        List<Hit> kept = new ArrayList<>(hits.size());
        for (Hit h : hits) {
            if (h.concept() == Concept.TRANSIT || (h.concept() == Concept.THIRD_PARTY && routeStarts.contains(h.start()))) continue;
            kept.add(h);
        }
        return kept;
    }

    /**
     * Drops hits that a longer hit explains: a country inside a third party's name (روسيا البيضاء),
     * and any word inside a longer phrase of another concept (ספינות מלחמה are warships, not a war;
     * الاتفاق النووي is the nuclear deal, not a treaty of the two). Near-linear: hits come in token order.
     */
    private static List<Hit> dropShadowed(List<Hit> hits) {
        java.util.Map<Integer, List<Hit>> longerByStart = new java.util.HashMap<>();
        int longest = 1;
        for (Hit h : hits) {
            if (h.end() - h.start() > 1) {
                longerByStart.computeIfAbsent(h.start(), k -> new ArrayList<>()).add(h);
                longest = Math.max(longest, h.end() - h.start());
            }
        }
        List<Hit> kept = new ArrayList<>(hits.size());
        java.util.Set<Hit> seen = new java.util.HashSet<>();
        for (Hit h : hits) {
            // the same concept over the same tokens, found through two spellings, counts once
            if (!shadowed(h, longerByStart, longest) && seen.add(new Hit(h.concept(), "", h.start(), h.end()))) kept.add(h);
        }
        return kept;
    }

    // Only phrases starting at most `longest` tokens earlier can cover a hit: linear in the hits.
    private static boolean shadowed(Hit h, java.util.Map<Integer, List<Hit>> longerByStart, int longest) {
        boolean party = h.concept() == Concept.RUSSIA || h.concept() == Concept.IRAN || h.concept() == Concept.THIRD_PARTY;
        for (int start = Math.max(0, h.start() - longest); start <= h.start(); start++) {
            for (Hit l : longerByStart.getOrDefault(start, List.of())) {
                // a third country inside a time phrase ("after the war with Israel") dates the news, it takes no part in it
                boolean dated = h.concept() == Concept.THIRD_PARTY && l.concept() == Concept.CONTEXT;
                if (l.concept() != h.concept() && h.inside(l) && (!party || l.concept() == Concept.THIRD_PARTY || dated)) return true;
            }
        }
        return false;
    }
}
