package org.treatywatch.read;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * One event as a sentence reports it: the predicate as written, its stage of the treaty story (if
 * it is one), its tense, who takes part (resolved to sides), what it is about when a side is only
 * the topic ("discussed Iran"), where and when it happens, and the sentence it was read from. An
 * arrival ("arrived in Tehran") is a visit begun: done itself, the talks it is for still to come.
 * {@code setting}: a multilateral setting, a war or the Ukraine war is named right by the predicate
 * ("to hold trilateral talks", "talks on the strikes"): the event belongs to that setting's story.
 */
public record Frame(String predicate, Optional<Gazetteer.Stage> stage, Tense tense, List<Participant> participants,
                    Optional<String> topic, Optional<Gazetteer.Name> place, Optional<LocalDate> date, String sentence,
                    Part part, boolean arrival, boolean setting) {
    /** Where in the item the sentence stands: the headline says what the news is, the body also recalls. */
    public enum Part { TITLE, LEAD, BODY }

    public Frame withTense(Tense t, Optional<LocalDate> d) {
        return new Frame(predicate, stage, t, participants, topic, place, d, sentence, part, arrival, setting);
    }

    public Frame withDate(Optional<LocalDate> d) {
        return withTense(tense, d);
    }

    public boolean has(String side) {
        return participants.stream().anyMatch(p -> p.side().equals(side));
    }

    /** Russia and Iran both take part. */
    public boolean ofThePair() {
        return has(Participant.RUSSIA) && has(Participant.IRAN);
    }

    /** A third country deals with one of the two while the other is absent or only the topic: its story. */
    public boolean ofAnotherPair() {
        return has(Participant.THIRD) && !ofThePair() && (has(Participant.RUSSIA) || has(Participant.IRAN));
    }

    /** What the item reports as happening or to come, not recalled, denied or tenseless. */
    public boolean news() {
        return tense == Tense.DONE || tense.upcoming();
    }
}
