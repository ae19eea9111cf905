package org.treatywatch.summarize;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Who, where, when and what stage, language-neutral: rendered in the subscriber's language
 * whatever the article's language.
 */
public record EventCard(List<Gazetteer.Name> people, List<Gazetteer.Name> places, Optional<LocalDate> date,
                        Optional<Gazetteer.Stage> stage) {
    static final int MAX_PEOPLE = 4;
    static final int MAX_PLACES = 3;

    public static EventCard empty() {
        return new EventCard(List.of(), List.of(), Optional.empty(), Optional.empty());
    }

    /**
     * Built from the headline, the evidence and the lead: the stage from the headline when it names
     * one (a headline says what happened; the body also recalls earlier stages), else from the rest.
     */
    public static EventCard of(Gazetteer gazetteer, String title, List<String> evidence, List<String> lead,
                               Optional<LocalDate> articleDate) {
        List<String> parts = new ArrayList<>();
        parts.add(title);
        parts.addAll(evidence);
        parts.addAll(lead);
        String focus = String.join("\n", parts);
        List<Gazetteer.Name> people = new ArrayList<>(), places = new ArrayList<>();
        for (Gazetteer.Name n : gazetteer.namesIn(focus)) {
            if (n.kind() == Gazetteer.Kind.PERSON && people.size() < MAX_PEOPLE) people.add(n);
        }
        // Where it happened is in the headline or the strongest evidence; other sentences name places of later steps.
        String strongest = evidence.stream().filter(e -> !e.strip().equals(title.strip())).findFirst().orElse("");
        String core = title + "\n" + strongest;
        for (Gazetteer.Name n : gazetteer.namesIn(core)) {
            if (n.kind() == Gazetteer.Kind.PLACE && places.size() < MAX_PLACES) places.add(n);
        }
        Optional<Gazetteer.Stage> stage = gazetteer.stageIn(title);
        if (stage.isEmpty()) stage = gazetteer.stageIn(focus);
        Optional<LocalDate> date = Dates.find(String.join("\n", evidence) + "\n" + String.join("\n", lead)).or(() -> articleDate);
        return new EventCard(List.copyOf(people), List.copyOf(places), date, stage);
    }
}
