package org.treatywatch.detect;

import org.treatywatch.read.Concept;
import org.treatywatch.read.Lexicon;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.treatywatch.text.Mojibake;
import org.treatywatch.text.Sentences;
import org.treatywatch.text.Tokenizer;

/**
 * Finds the two sides dealing with each other: Russia and Iran (named by country, capital,
 * institution, company, project or official) with a treaty word or a bilateral interaction (met,
 * called, received, delivered, cooperation) in one sentence, in neighbouring sentences, or across the
 * title and lead. It stays silent on other pairs' deals (a treaty sentence with a third party and only
 * one of the two sides, or a headline about such a deal), on multilateral settings where the pair is
 * not the subject, on wars others wage on one side, and on Iranian drones in Russia's war.
 */
public final class TopicDetector {
    static final double SAME_SENTENCE = 1.0;
    static final double TITLE_AND_LEAD = 0.8;
    static final double NEIGHBOURS = 0.7;
    static final double STRONG_TREATY_BONUS = 0.15;
    static final double CONTEXT_BONUS = 0.05;
    static final double THIRD_PARTY_PENALTY = 0.35;
    /** Evidence without a treaty word (a meeting, a call, a delivery) is good but weaker. */
    static final double INTERACTION_ONLY = 0.15;
    static final double MULTILATERAL_PENALTY = 0.45;
    static final double WAR_PENALTY = 0.45;
    static final double CONFLICT_PENALTY = 0.35;
    static final double CONFLICT_WITH_TREATY_PENALTY = 0.2;
    /** A headline about another pair's deal caps the item below the threshold by this much. */
    static final double OTHER_PAIR_MARGIN = 0.1;
    static final int LEAD_SENTENCES = 2;

    private final Lexicon lexicon;
    private final double threshold;

    public TopicDetector(Lexicon lexicon, double threshold) {
        this.lexicon = lexicon;
        this.threshold = threshold;
    }

    public double threshold() {
        return threshold;
    }

    /** Judges an article by its title and extracted body text. */
    public Relevance detect(String title, String body) {
        if (title != null && (body == null || body.isBlank())) {
            // a feed item or a pasted line: "headline — lead" is a title and its lead; a pasted
            // paragraph is its first sentence and the rest, so each sentence is judged on its own
            if (!Sentences.afterHeadline(title).isEmpty()) return detect(Sentences.headline(title), Sentences.afterHeadline(title));
            List<String> parts = Sentences.split(title);
            if (parts.size() > 1) return detect(parts.get(0), String.join(" ", parts.subList(1, parts.size())));
        }
        List<SentenceConcepts> sentences = new ArrayList<>();
        if (title != null && !title.isBlank()) sentences.add(analyse(Sentences.bounded(title, Sentences.MAX_SENTENCE_CHARS)));
        int bodyStart = sentences.size();
        for (String s : Sentences.split(body == null ? "" : body)) sentences.add(analyse(s));
        if (sentences.isEmpty()) return Relevance.none();

        List<Window> windows = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i++) {
            windows.add(window(SAME_SENTENCE, sentences.subList(i, i + 1)));
            if (i + 1 < sentences.size()) windows.add(window(NEIGHBOURS, sentences.subList(i, i + 2)));
        }
        if (bodyStart == 1) {
            int end = Math.min(sentences.size(), 1 + LEAD_SENTENCES);
            windows.add(window(TITLE_AND_LEAD, sentences.subList(0, end)));
        }
        windows.removeIf(w -> w.score <= 0);
        windows.sort((a, b) -> Double.compare(b.score, a.score));
        if (windows.isEmpty()) return new Relevance(false, 0, allConcepts(sentences), List.of());

        Window best = windows.get(0);
        Set<String> evidence = new LinkedHashSet<>();
        for (Window w : windows) {
            if (w.score < Math.min(threshold, best.score) || evidence.size() >= 3) break;
            for (SentenceConcepts s : w.sentences) {
                if (s.has(Concept.TREATY) || s.has(Concept.INTERACTION) || s.bothSides()) evidence.add(s.text());
            }
        }
        double raw = best.score;
        // "India and Iran sign the Chabahar deal" stays that pair's story even if the lead names Russia;
        // so does a headline about nuclear talks with the West, a war, or the Ukraine war.
        if (headline(sentences).headlineOfAnotherStory()) raw = Math.min(raw, threshold - OTHER_PAIR_MARGIN);
        double score = Math.round(Math.max(0, raw) * 1000) / 1000.0;
        return new Relevance(score >= threshold, score, best.concepts, List.copyOf(evidence));
    }

    /** The title (or else the first sentence) up to a dash that separates a headline from its lead. */
    private SentenceConcepts headline(List<SentenceConcepts> sentences) {
        String first = sentences.get(0).text();
        String headline = Sentences.headline(first);
        return headline.equals(first) ? sentences.get(0) : analyse(headline);
    }

    private SentenceConcepts analyse(String sentence) {
        String repaired = Mojibake.repair(sentence);
        return SentenceConcepts.of(sentence, lexicon.find(Tokenizer.normalizedTokens(repaired)));
    }

    private record Window(double score, List<SentenceConcepts> sentences, Set<Concept> concepts) {}

    private static Window window(double base, List<SentenceConcepts> sentences) {
        Set<Concept> seen = EnumSet.noneOf(Concept.class);
        boolean treaty = false, strong = false, interaction = false, pair = false;
        for (SentenceConcepts s : sentences) {
            seen.addAll(s.concepts());
            pair |= s.pair();
            if (s.has(Concept.TREATY) && !s.treatyOfThirdParty()) {
                treaty = true;
                strong |= s.has(Concept.TREATY_STRONG);
            }
            interaction |= s.interactionOfThePair();
        }
        if (!(treaty || interaction) || !seen.contains(Concept.RUSSIA) || !seen.contains(Concept.IRAN)) {
            return new Window(0, sentences, seen);
        }
        double score = base;
        if (!treaty) score -= INTERACTION_ONLY;
        if (strong) score += STRONG_TREATY_BONUS;
        if (seen.contains(Concept.CONTEXT)) score += CONTEXT_BONUS;
        if (!strong) score -= penalties(seen, pair, treaty);
        return new Window(Math.min(1.0, score), sentences, seen);
    }

    /** What makes the two sides' co-occurrence someone else's story, unless the treaty itself is named. */
    private static double penalties(Set<Concept> seen, boolean pair, boolean treaty) {
        double p = 0;
        if (seen.contains(Concept.THIRD_PARTY) && !pair) p += THIRD_PARTY_PENALTY;
        if (seen.contains(Concept.MULTILATERAL)) p += MULTILATERAL_PENALTY;
        if (seen.contains(Concept.UKRAINE_WAR)) p += WAR_PENALTY;
        if (seen.contains(Concept.CONFLICT)) p += treaty ? CONFLICT_WITH_TREATY_PENALTY : CONFLICT_PENALTY;
        return p;
    }

    private static Set<Concept> allConcepts(List<SentenceConcepts> sentences) {
        Set<Concept> all = EnumSet.noneOf(Concept.class);
        for (SentenceConcepts s : sentences) all.addAll(s.concepts());
        return all;
    }
}
