package org.treatywatch.detect;

import org.treatywatch.read.Hit;
import org.treatywatch.read.Concept;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The concepts one sentence mentions; whether Russia and Iran are named as a pair (side by side,
 * with no third country between them); and whether the sentence is about a third country's dealings
 * with one of the two sides.
 */
record SentenceConcepts(String text, Set<Concept> concepts, boolean pair, boolean otherPair, boolean thirdPairOnly) {
    private static final int PAIR_DISTANCE = 4;
    private static final int LIST_SPAN = 6;
    /** Words between two countries of one list ("Iran, Kazakhstan and Azerbaijan": a comma or "and"). */
    private static final int LIST_GAP = 1;

    static SentenceConcepts of(String text, List<Hit> hits) {
        Set<Concept> concepts = EnumSet.noneOf(Concept.class);
        for (Hit h : hits) concepts.add(h.concept());
        if (concepts.contains(Concept.TREATY_STRONG)) concepts.add(Concept.TREATY);
        boolean pair = namedTogether(hits, Concept.RUSSIA, Concept.IRAN);
        // "Russia, China and Iran", "Iran, Russia and China", "Putin, Modi and Pezeshkian": a list of
        // three or more is a multilateral setting, whether or not the two stand side by side in it
        if (listedWithOthers(hits)) concepts.add(Concept.MULTILATERAL);
        boolean sides = concepts.contains(Concept.RUSSIA) && concepts.contains(Concept.IRAN);
        boolean dealing = concepts.contains(Concept.TREATY) || concepts.contains(Concept.INTERACTION);
        boolean oneSide = concepts.contains(Concept.RUSSIA) != concepts.contains(Concept.IRAN);
        Concept side = concepts.contains(Concept.RUSSIA) ? Concept.RUSSIA : Concept.IRAN;
        boolean other = dealing && oneSide && namedTogether(hits, side, Concept.THIRD_PARTY);
        // "an agreement between Washington and Tehran", "Putin discussed with Trump ...": a third party
        // paired with one of the sides while the two are not paired owns the sentence's deal or meeting
        boolean thirdPairOnly = !pair && (namedTogether(hits, Concept.RUSSIA, Concept.THIRD_PARTY)
                || namedTogether(hits, Concept.IRAN, Concept.THIRD_PARTY));
        return new SentenceConcepts(text, concepts, pair, other, thirdPairOnly);
    }

    // "Russia and Iran", "the Russian-Iranian ...", "between Moscow and Tehran": two parties within a
    // few words and no other party between them ("Russia, China and Iran" is a trio, not the pair).
    private static boolean namedTogether(List<Hit> hits, Concept a, Concept b) {
        return within(hits, a, b, PAIR_DISTANCE, false);
    }

    /**
     * Whether an {@code a} hit and a {@code b} hit stand at most {@code distance} tokens apart with
     * (when {@code thirdBetween}) or without another party between them. Hits come in token order,
     * so only neighbours are compared: linear in the hits of a sentence.
     */
    private static boolean within(List<Hit> hits, Concept a, Concept b, int distance, boolean thirdBetween) {
        for (int x = 0; x < hits.size(); x++) {
            Hit hx = hits.get(x);
            if (hx.concept() != a) continue;
            for (int y = x + 1; y < hits.size() && hits.get(y).start() - hx.start() <= distance; y++) {
                if (hits.get(y).concept() == b && between(hits, x, y, a, b) == thirdBetween) return true;
            }
            for (int y = x - 1; y >= 0 && hx.start() - hits.get(y).start() <= distance; y--) {
                if (hits.get(y).concept() == b && between(hits, y, x, a, b) == thirdBetween) return true;
            }
        }
        return false;
    }

    // another party strictly between hits i < j (by position in the ordered list)
    private static boolean between(List<Hit> hits, int i, int j, Concept a, Concept b) {
        int from = hits.get(i).start(), to = hits.get(j).start();
        for (int k = i + 1; k < j; k++) {
            Hit t = hits.get(k);
            if (t.start() > from && t.start() < to && t.concept() != a && t.concept() != b && isParty(t.concept())) return true;
        }
        return false;
    }

    private static boolean listedWithOthers(List<Hit> hits) {
        if (within(hits, Concept.RUSSIA, Concept.IRAN, LIST_SPAN, true)) return true;
        if (listOfThreeWithOthers(hits)) return true;
        // a tight list: the pair word by word ("Iran and Russia") with a third party next to it
        for (int x = 0; x < hits.size(); x++) {
            Hit r = hits.get(x);
            if (r.concept() != Concept.RUSSIA) continue;
            for (int y = Math.max(0, x - 3); y < Math.min(hits.size(), x + 4); y++) {
                Hit i = hits.get(y);
                // word by word, or with "and" as a word of its own between them (ایران و روسیه, Иран и Россия)
                if (i.concept() != Concept.IRAN || Math.abs(i.start() - r.start()) > 2) continue;
                int from = Math.min(r.start(), i.start()), to = Math.max(r.start(), i.start());
                for (Hit t : hits) {
                    // right after or before it, or one word away: Persian and Russian write "and" as a word of its own
                    // (ایران، روسیه و چین; Иран, Россия и Китай)
                    if (t.concept() == Concept.THIRD_PARTY && (t.start() >= to + 1 && t.start() <= to + 2 || t.end() <= from && t.end() >= from - 1)) return true;
                }
            }
        }
        return false;
    }

    /**
     * "offered Iran, Kazakhstan and Azerbaijan a joint drill": three or more countries named one after another
     * (a comma or "and" between), one of the two sides among third countries, are a group, not the pair.
     */
    private static boolean listOfThreeWithOthers(List<Hit> hits) {
        int run = 0, previousEnd = Integer.MIN_VALUE / 2;
        boolean side = false, third = false;
        for (Hit h : hits) {
            if (!isParty(h.concept())) continue;
            if (h.start() - previousEnd > LIST_GAP) {
                run = 0;
                side = false;
                third = false;
            }
            run++;
            side |= h.concept() != Concept.THIRD_PARTY;
            third |= h.concept() == Concept.THIRD_PARTY;
            previousEnd = h.end();
            if (run >= 3 && side && third) return true;
        }
        return false;
    }

    private static boolean isParty(Concept c) {
        return c == Concept.RUSSIA || c == Concept.IRAN || c == Concept.THIRD_PARTY;
    }

    /** The same sentence with its dealing removed: both sides may still be named, nothing is told of them. */
    SentenceConcepts recalled() {
        Set<Concept> kept = EnumSet.copyOf(concepts.isEmpty() ? EnumSet.noneOf(Concept.class) : concepts);
        kept.removeAll(EnumSet.of(Concept.TREATY, Concept.TREATY_STRONG, Concept.INTERACTION));
        return new SentenceConcepts(text, kept, pair, otherPair, thirdPairOnly);
    }

    boolean has(Concept c) {
        return concepts.contains(c);
    }

    boolean bothSides() {
        return has(Concept.RUSSIA) && has(Concept.IRAN);
    }

    /** A treaty word here belongs to someone else: a third party with only one of our sides, or paired with one. */
    boolean treatyOfThirdParty() {
        return has(Concept.TREATY) && has(Concept.THIRD_PARTY) && (!bothSides() || (thirdPairOnly && !has(Concept.TREATY_STRONG)));
    }

    /** A headline about someone else's deal, or about a multilateral setting, a war or the Ukraine war, not the pair's. */
    boolean headlineOfAnotherStory() {
        if (otherPair) return true;
        // Iran's drones and missiles for Russia's war are their own story even when both are named in it
        if (has(Concept.UKRAINE_WAR) && !has(Concept.TREATY_STRONG)) return true;
        boolean setting = has(Concept.MULTILATERAL) || has(Concept.CONFLICT) || has(Concept.UKRAINE_WAR);
        return setting && !pair && !has(Concept.TREATY_STRONG);
    }

    /** A meeting or deal word here is ours: not another pair's headline, not a third party's dealings. */
    boolean interactionOfThePair() {
        return has(Concept.INTERACTION) && !otherPair && !thirdPairOnly;
    }
}
