package org.treatywatch.detect;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.treatywatch.text.Mojibake;
import org.treatywatch.text.Sentences;
import org.treatywatch.text.Tokenizer;

/**
 * Finds Russia, Iran and a treaty close together: in one sentence, in neighbouring sentences, or
 * across the title and lead. A treaty sentence that names a third party and only one of the two
 * sides is someone else's treaty (Russia–North Korea, Iran–China) and does not count.
 */
public final class TopicDetector {
    static final double SAME_SENTENCE = 1.0;
    static final double TITLE_AND_LEAD = 0.8;
    static final double NEIGHBOURS = 0.7;
    static final double STRONG_TREATY_BONUS = 0.15;
    static final double CONTEXT_BONUS = 0.05;
    static final double THIRD_PARTY_PENALTY = 0.35;
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
        List<SentenceConcepts> sentences = new ArrayList<>();
        if (title != null && !title.isBlank()) sentences.add(analyse(title));
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
                if (s.has(Concept.TREATY) || s.bothSides()) evidence.add(s.text());
            }
        }
        double score = Math.round(best.score * 1000) / 1000.0;
        return new Relevance(score >= threshold, score, best.concepts, List.copyOf(evidence));
    }

    private SentenceConcepts analyse(String sentence) {
        String repaired = Mojibake.repair(sentence);
        return SentenceConcepts.of(sentence, lexicon.find(Tokenizer.normalizedTokens(repaired)));
    }

    private record Window(double score, List<SentenceConcepts> sentences, Set<Concept> concepts) {}

    private static Window window(double base, List<SentenceConcepts> sentences) {
        Set<Concept> seen = EnumSet.noneOf(Concept.class);
        boolean treaty = false, strong = false, thirdInTreaty = false, pair = false;
        for (SentenceConcepts s : sentences) {
            seen.addAll(s.concepts());
            pair |= s.pair();
            if (s.has(Concept.TREATY) && !s.treatyOfThirdParty()) {
                treaty = true;
                strong |= s.has(Concept.TREATY_STRONG);
                thirdInTreaty |= s.has(Concept.THIRD_PARTY);
            }
        }
        if (!treaty || !seen.contains(Concept.RUSSIA) || !seen.contains(Concept.IRAN)) {
            return new Window(0, sentences, seen);
        }
        double score = base;
        if (strong) score += STRONG_TREATY_BONUS;
        if (seen.contains(Concept.CONTEXT)) score += CONTEXT_BONUS;
        if (thirdInTreaty && !pair && !strong) score -= THIRD_PARTY_PENALTY;
        return new Window(Math.min(1.0, score), sentences, seen);
    }

    private static Set<Concept> allConcepts(List<SentenceConcepts> sentences) {
        Set<Concept> all = EnumSet.noneOf(Concept.class);
        for (SentenceConcepts s : sentences) all.addAll(s.concepts());
        return all;
    }
}
