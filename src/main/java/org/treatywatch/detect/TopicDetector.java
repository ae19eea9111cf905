package org.treatywatch.detect;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import org.treatywatch.read.Concept;
import org.treatywatch.read.Frame;
import org.treatywatch.read.Gazetteer;
import org.treatywatch.read.Lexicon;
import org.treatywatch.read.Reader;
import org.treatywatch.read.Reading;
import org.treatywatch.read.SentenceReading;
import org.treatywatch.text.Sentences;

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

    private final Reader reader;
    private final double threshold;

    public TopicDetector(Lexicon lexicon, double threshold) {
        this(new Reader(lexicon, Gazetteer.empty()), threshold);
    }

    public TopicDetector(Reader reader, double threshold) {
        this.reader = reader;
        this.threshold = threshold;
    }

    /** The reading this detector judges by: the event card reads the same sentences. */
    public Reader reader() {
        return reader;
    }

    public double threshold() {
        return threshold;
    }

    /** Judges an article by its title and extracted body text. */
    public Relevance detect(String title, String body) {
        return judge(reader.read(title, body, Optional.empty()));
    }

    /** Judges an item already read: both sides dealing with each other, as news, in one place of it. */
    public Relevance judge(Reading reading) {
        List<SentenceConcepts> sentences = new ArrayList<>();
        for (SentenceReading s : reading.sentences()) {
            SentenceConcepts c = SentenceConcepts.of(s.text(), s.parties());
            sentences.add(recalledOnly(s) ? c.recalled() : c);
        }
        int bodyStart = reading.titled() ? 1 : 0;
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
        if (windows.isEmpty()) {
            // "three Iranian satellites went up on Russian Soyuz rockets": no treaty or meeting word, yet the title
            // reports the two sides' own work as news
            boolean pairNews = pairNewsFirst(reading, sentences) && !anotherStory(headline(sentences, 0), true);
            double s = pairNews ? threshold : 0;
            return new Relevance(pairNews, s, allConcepts(sentences), pairNews ? List.of(sentences.get(0).text()) : List.of());
        }

        Window best = windows.get(0);
        Set<String> evidence = new LinkedHashSet<>();
        for (Window w : windows) {
            if (w.score < Math.min(threshold, best.score) || evidence.size() >= 3) break;
            for (SentenceConcepts s : w.sentences) {
                if (s.has(Concept.TREATY) || s.has(Concept.INTERACTION) || s.bothSides()) evidence.add(s.text());
            }
        }
        double raw = best.score;
        boolean pairNews = pairNewsFirst(reading, sentences);
        if (pairNews) raw = Math.max(raw, threshold);
        // "India and Iran sign the Chabahar deal" stays that pair's story even if the lead names Russia;
        // so does a headline about nuclear talks with the West, a war, or the Ukraine war.
        if (anotherStory(headline(sentences, 0), pairNews) || !pairNews && warHeadline(reading, sentences) || anotherPairsHeadline(reading)) {
            raw = Math.min(raw, threshold - OTHER_PAIR_MARGIN);
        }
        double score = Math.round(Math.max(0, raw) * 1000) / 1000.0;
        return new Relevance(score >= threshold, score, best.concepts, List.copyOf(evidence));
    }

    /**
     * A sentence whose every event is recalled background ("since the treaty was signed in January the
     * rial lost a third", "unlike the treaty Moscow signed with Tehran") names the pair but reports
     * nothing of theirs: it places them, it is not evidence of their story.
     */
    private static boolean recalledOnly(SentenceReading s) {
        return !s.frames().isEmpty() && s.frames().stream().allMatch(f -> f.tense() == org.treatywatch.read.Tense.PAST);
    }

    /**
     * Relevance from the reading: the title (or, untitled, the first sentence) reports as news an event
     * whose participants are the two sides and no one else ("Lavrov met Zarif, two weeks after the
     * nuclear deal with the powers"): their story, whatever else the sentence mentions.
     */
    /**
     * Whether the headline is another story's. When the title reports the pair's own event as news ("Iran began
     * receiving the Russian S-300, which could help it repel an Israeli attack"), a war named for another reason
     * does not make it the war's story; another pair's deal and the Ukraine war still do.
     */
    private static boolean anotherStory(SentenceConcepts headline, boolean pairNews) {
        if (!pairNews) return headline.headlineOfAnotherStory();
        return headline.otherPair() || headline.has(Concept.UKRAINE_WAR) && !headline.has(Concept.TREATY_STRONG);
    }

    private static boolean pairNewsFirst(Reading reading, List<SentenceConcepts> concepts) {
        if (reading.sentences().isEmpty()) return false;
        // a trilateral summit, a war or the Ukraine war by the pair's event is that setting's story
        boolean title = reading.sentences().get(0).frames().stream()
                .anyMatch(f -> (f.news() || bareTalks(f)) && f.ofThePair() && !f.has(org.treatywatch.read.Participant.THIRD) && !f.setting());
        return title || pairNewsInLead(reading, concepts);
    }

    // "a senior IRGC commander: we bought Su-35 jets from Russia" in the lead: a done or coming event whose only
    // parties are the two is their news, treaty word or not (a third party or a setting in the sentence keeps it out)
    // ("the drills the three countries hold every year start on Thursday" stays the three's: not after a title with others)
    private static boolean pairNewsInLead(Reading reading, List<SentenceConcepts> concepts) {
        boolean othersInTitle = reading.sentences().get(0).frames().stream().anyMatch(f -> f.has(org.treatywatch.read.Participant.THIRD));
        if (othersInTitle) return false;
        for (int i = 0; i < reading.sentences().size(); i++) {
            SentenceReading s = reading.sentences().get(i);
            if (s.part() != Frame.Part.LEAD || s.parties().contains(org.treatywatch.read.Participant.THIRD) || inASetting(concepts.get(i))) continue;
            if (s.frames().stream().anyMatch(f -> f.news() && f.ofThePair() && !f.has(org.treatywatch.read.Participant.THIRD) && !f.setting()
                    && f.stage().map(st -> st.order() > 0).orElse(false))) return true;
        }
        return false;
    }

    // the sentence's concepts as judge() read them (a recalled sentence keeps its settings)
    private static boolean inASetting(SentenceConcepts c) {
        return c.has(Concept.MULTILATERAL) || c.has(Concept.CONFLICT) || c.has(Concept.UKRAINE_WAR) || c.otherPair();
    }

    // "Araghchi's visit to Moscow to consult the Russian president": a title's bare visit or meeting of the two
    private static boolean bareTalks(Frame f) {
        return f.tense() == org.treatywatch.read.Tense.UNMARKED && f.part() == Frame.Part.TITLE && f.stage().map(st -> st.order() == 0).orElse(false);
    }

    /**
     * "Russia: the war on Iran is not ours", "Moscow warns Bushehr is threatened by the strikes": a war in a headline
     * that tells no event of the two at all (news or not, with others or not) is Russia commenting on Iran's
     * conflict, even with both named. Page chrome before the headline is skipped.
     */
    private boolean warHeadline(Reading reading, List<SentenceConcepts> sentences) {
        int at = headlineIndex(reading);
        SentenceConcepts h = headline(sentences, at);
        return h.has(Concept.CONFLICT) && !h.has(Concept.TREATY_STRONG)
                && reading.sentences().get(at).frames().stream().noneMatch(Frame::ofThePair);
    }

    // A title that names no side and reports no event (a site's name, a section label) is page chrome:
    // the headline is the sentence after it.
    private static int headlineIndex(Reading reading) {
        List<SentenceReading> s = reading.sentences();
        boolean chrome = reading.titled() && s.size() > 1 && s.get(0).frames().isEmpty() && s.get(0).parties().isEmpty();
        return chrome ? 1 : 0;
    }

    /** The title (or else the first sentence; or the sentence at) up to a dash that separates a headline from its lead. */
    private SentenceConcepts headline(List<SentenceConcepts> sentences, int at) {
        String first = sentences.get(at).text();
        String headline = Sentences.headline(first);
        return headline.equals(first) ? sentences.get(at) : analyse(headline);
    }

    private SentenceConcepts analyse(String sentence) {
        return SentenceConcepts.of(sentence, reader.sentence(sentence, Frame.Part.TITLE, Optional.empty()).parties());
    }

    /**
     * The title reports events, and every one of them has a third country dealing with one of the
     * two (Putin and Netanyahu discussed Iran; Tehran and Beijing signed): that pair's story.
     */
    private boolean anotherPairsHeadline(Reading reading) {
        if (!reading.titled()) return false;
        // a title that reports no event (a site's name, a caption, a label) leaves the headline to the lead's first sentence
        boolean eventless = reading.sentences().get(0).frames().isEmpty() && reading.sentences().size() > 1;
        // a bare "the meeting between Netanyahu and Putin" in a title is as much a report of it as a verb
        SentenceReading head = reading.sentences().get(eventless ? 1 : 0);
        boolean drill = reader.gazetteer().cuesIn(head.tokens()).stream().anyMatch(c -> c.label() == Gazetteer.Cue.DRILL);
        // ... and so is a bare "the joint drill of China, Iran and Russia" (آغاز رزمایش مشترک چین، ایران و روسیه)
        List<Frame> title = head.frames().stream()
                .filter(f -> f.news() || f.tense() == org.treatywatch.read.Tense.UNMARKED
                        && f.stage().map(st -> st.order() == 0 || drill && st.id().equals("implementation")).orElse(false))
                .toList();
        // "drills began in Chabahar, in which ships of Russia, Iran and China take part": a drill's navies may be
        // listed well after its verb; any third country the headline names takes part in it
        boolean threeNavies = drill && head.parties().stream().anyMatch(h -> h.concept() == Concept.THIRD_PARTY && !reader.gazetteer().gentilic(h.form()));
        return !title.isEmpty() && title.stream().allMatch(f -> f.ofAnotherPair() || drill && (trilateral(f) || threeNavies && f.ofThePair()));
    }

    /**
     * "Russian warships arrive in Chabahar for a drill with Iran and China": a drill of the two with a third
     * country named beside them (a country, not an adjective: "to counter Western threats" names no party) is
     * the three's. A delivery or a deal keeps its third party as a route, a buyer's worry or a witness;
     * meetings beside a summit stay the pair's, and three-way summits are known by their own words.
     */
    private boolean trilateral(Frame f) {
        if (!f.stage().map(st -> st.id().equals("implementation")).orElse(false) || !f.ofThePair()) return false;
        return f.participants().stream().anyMatch(p -> p.side().equals(org.treatywatch.read.Participant.THIRD)
                && !reader.gazetteer().gentilic(p.name()));
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
