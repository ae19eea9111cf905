package org.treatywatch.read;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * An item read once, sentence by sentence (the title first when there is one): what relevance, the
 * event card, the headline and search ask. Its main event is the news its title and lead report;
 * a background event (recalled, denied, or another pair's) never is.
 */
public record Reading(List<SentenceReading> sentences, boolean titled) {
    /** Body sentences after the title that still count as the lead. */
    static final int LEAD_SENTENCES = 2;
    /** A title longer than this many words is a lead sentence standing as the title, not a headline. */
    static final int HEADLINE_WORDS = 16;

    public List<Frame> frames() {
        return sentences.stream().flatMap(s -> s.frames().stream()).toList();
    }

    /**
     * The event the item reports as its news: the furthest stage its title reports as done, else the
     * furthest it reports as to come; failing the title, its lead's. A bare noun in the title ("talks
     * in Moscow") counts only for talks. Events of another pair, recalled or denied, never count.
     */
    public Optional<Frame> mainEvent() {
        for (Frame.Part part : List.of(Frame.Part.TITLE, Frame.Part.LEAD)) {
            List<Frame> news = candidates(part).stream().filter(Frame::news).toList();
            Optional<Frame> done = furthest(news.stream().filter(f -> f.tense() == Tense.DONE).toList());
            if (done.isPresent()) return done.map(this::toldAsComingByTheLead);
            Optional<Frame> coming = furthest(news);
            // a verbless "talks" beside a signing to come stays unsaid: "will sign in the framework of a meeting"
            // and "ahead of the signing.. talks" read alike, and only one of them is a meeting that took place
            if (coming.isPresent()) return coming;
        }
        // the bare noun stands for a meeting only when it is the two sides' own ("talks with the US", "a meeting of the
        // French president and Putin" tell someone else's)
        return candidates(Frame.Part.TITLE).stream()
                .filter(f -> f.tense() == Tense.UNMARKED && f.stage().get().order() == 0 && f.ofThePair() && !f.has(Participant.THIRD))
                .findFirst();
    }

    /**
     * "Russia and Iran sign a railway deal — the minister said they will sign it next month": a
     * headline's present tense reads as done, but a lead that tells the same stage only as to come
     * (and never as done) is the plainer statement; the event is still to come.
     */
    private Frame toldAsComingByTheLead(Frame title) {
        // "arrived in Tehran — will meet Araghchi tomorrow": the arrival is done, the meeting is what is to come
        if (title.part() != Frame.Part.TITLE || title.arrival()) return title;
        // the present tense of headlines ("Russia and Iran sign") is a headline's; a long first sentence is a lead's
        // own past tense ("Shoigu arrived in Iran, where he met ..."), done whatever the next sentences plan
        if (title.sentence().split("\\s+").length > HEADLINE_WORDS) return title;
        List<Frame> lead = candidates(Frame.Part.LEAD).stream().filter(f -> f.stage().equals(title.stage())).toList();
        if (lead.isEmpty() || lead.stream().anyMatch(f -> f.tense() == Tense.DONE)) return title;
        Optional<Frame> coming = lead.stream().filter(f -> f.tense().upcoming()).findFirst();
        return coming.map(c -> title.withTense(c.tense(), title.date().or(c::date))).orElse(title);
    }

    /**
     * A further event still to come that the title or lead also reports ("met; the signing is
     * expected"); after an arrival, the talks it is for count too.
     */
    public Optional<Frame> nextEvent() {
        Optional<Frame> main = mainEvent();
        if (main.isEmpty()) return Optional.empty();
        int order = main.get().stage().get().order();
        List<Frame> coming = new java.util.ArrayList<>();
        for (Frame.Part part : List.of(Frame.Part.TITLE, Frame.Part.LEAD)) {
            for (Frame f : candidates(part)) {
                boolean further = f.stage().get().order() > order || (main.get().arrival() && f.stage().get().order() == order);
                if (f.tense().upcoming() && f != main.get() && further) coming.add(f);
            }
        }
        return furthest(coming);
    }

    private List<Frame> candidates(Frame.Part part) {
        return frames().stream().filter(f -> f.part() == part && f.stage().isPresent() && !f.ofAnotherPair()).toList();
    }

    private static Optional<Frame> furthest(List<Frame> frames) {
        return frames.stream().max(Comparator.comparingInt((Frame f) -> f.stage().get().order())
                .thenComparing(f -> -frames.indexOf(f)));
    }
}
