package org.treatywatch.detect;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The concepts one sentence mentions, and whether Russia and Iran are named side by side. */
record SentenceConcepts(String text, Set<Concept> concepts, boolean pair) {
    private static final int PAIR_DISTANCE = 3;

    static SentenceConcepts of(String text, List<Hit> hits) {
        Set<Concept> concepts = EnumSet.noneOf(Concept.class);
        for (Hit h : hits) concepts.add(h.concept());
        if (concepts.contains(Concept.TREATY_STRONG)) concepts.add(Concept.TREATY);
        return new SentenceConcepts(text, concepts, namedTogether(hits));
    }

    // "Russia and Iran", "the Russian-Iranian ...", "between Moscow and Tehran": the two sides within a few words.
    private static boolean namedTogether(List<Hit> hits) {
        for (Hit r : hits) {
            if (r.concept() != Concept.RUSSIA) continue;
            for (Hit i : hits) {
                if (i.concept() == Concept.IRAN && Math.abs(i.start() - r.start()) <= PAIR_DISTANCE) return true;
            }
        }
        return false;
    }

    boolean has(Concept c) {
        return concepts.contains(c);
    }

    boolean bothSides() {
        return has(Concept.RUSSIA) && has(Concept.IRAN);
    }

    /** A treaty word here belongs to someone else: a third party is named and only one of our sides is. */
    boolean treatyOfThirdParty() {
        return has(Concept.TREATY) && has(Concept.THIRD_PARTY) && !bothSides();
    }
}
