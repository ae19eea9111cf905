package org.treatywatch.summarize;

import org.treatywatch.read.Gazetteer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Who, where, when and what stage, language-neutral: rendered in the subscriber's language
 * whatever the article's language. {@code upcoming} says the stage is still to come ("expected to
 * sign"), so an alert never reports a signing that has not happened.
 */
public record EventCard(List<Gazetteer.Name> people, List<Gazetteer.Name> places, Optional<LocalDate> date,
                        Optional<Gazetteer.Stage> stage, boolean upcoming, List<Gazetteer.Name> countries,
                        List<Gazetteer.Name> institutions) {
    static final int MAX_PEOPLE = 4;
    static final int MAX_PLACES = 3;

    public EventCard(List<Gazetteer.Name> people, List<Gazetteer.Name> places, Optional<LocalDate> date,
                     Optional<Gazetteer.Stage> stage) {
        this(people, places, date, stage, false, List.of(), List.of());
    }

    public static EventCard empty() {
        return new EventCard(List.of(), List.of(), Optional.empty(), Optional.empty());
    }

    /** The country of each place, in the places' order ("" where the gazetteer does not know it). */
    public Optional<Gazetteer.Name> countryOf(Gazetteer.Name place) {
        return countries.stream().filter(c -> c.id().equals(place.country())).findFirst();
    }

    /**
     * Built from the headline, the evidence and the lead: the stage from the headline when it names
     * one (a headline says what happened; the body also recalls earlier stages), else from the rest.
     * Relative dates ("today", "on Friday", "next week") are resolved against the article's date.
     */
    public static EventCard of(Gazetteer gazetteer, String title, List<String> evidence, List<String> lead,
                               Optional<LocalDate> articleDate) {
        List<String> parts = new ArrayList<>();
        parts.add(title);
        parts.addAll(evidence);
        parts.addAll(lead);
        String focus = String.join("\n", parts);
        List<Gazetteer.Name> people = new ArrayList<>(), places = new ArrayList<>(), countries = new ArrayList<>();
        for (Gazetteer.Name n : gazetteer.namesIn(focus)) {
            if (n.kind() == Gazetteer.Kind.PERSON && people.size() < MAX_PEOPLE) people.add(n);
        }
        // Where it happened is in the headline or the two strongest evidence sentences; others name places of later steps.
        String headline = org.treatywatch.text.Sentences.headline(title);
        String strongest = String.join("\n", evidence.stream().filter(e -> !title.contains(e.strip())).limit(2).toList());
        String core = headline + "\n" + strongest;
        for (Gazetteer.Name n : gazetteer.placesIn(core)) {
            if (places.size() < MAX_PLACES) {
                places.add(n);
                gazetteer.countryOf(n).filter(c -> !countries.contains(c)).ifPresent(countries::add);
            }
        }
        // a headline says what happened; in "headline — lead" the lead may recall or foresee other stages
        Optional<Gazetteer.StageMention> stage = gazetteer.stageMentionIn(org.treatywatch.text.Sentences.headline(title));
        if (stage.isEmpty()) stage = gazetteer.stageMentionIn(focus);
        boolean upcoming = stage.map(Gazetteer.StageMention::upcoming).orElse(false);
        String dateText = title + "\n" + String.join("\n", evidence) + "\n" + String.join("\n", lead);
        Optional<LocalDate> date = Dates.find(dateText, articleDate, upcoming).or(() -> upcoming ? Optional.empty() : articleDate);
        // what is still to come has no date before publication (that is the byline's date, not the event's)
        if (upcoming && date.isPresent() && articleDate.isPresent() && !date.get().isAfter(articleDate.get())) date = Optional.empty();
        // the bodies acting in the headline or the strongest evidence (the Duma ratified, Rosatom signed)
        List<Gazetteer.Name> bodies = gazetteer.namesIn(core).stream().filter(n -> n.kind() == Gazetteer.Kind.INSTITUTION).limit(2).toList();
        return new EventCard(List.copyOf(people), List.copyOf(places), date, stage.map(Gazetteer.StageMention::stage),
                upcoming, List.copyOf(countries), bodies);
    }
}
