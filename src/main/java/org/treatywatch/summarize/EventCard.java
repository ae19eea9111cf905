package org.treatywatch.summarize;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.treatywatch.read.Dates;
import org.treatywatch.read.Frame;
import org.treatywatch.read.Gazetteer;
import org.treatywatch.read.Participant;
import org.treatywatch.read.Reading;
import org.treatywatch.read.SentenceReading;
import org.treatywatch.read.Tense;

/**
 * Who, where, when and what stage, language-neutral: rendered in the subscriber's language
 * whatever the article's language. {@code upcoming} says the stage is still to come ("expected to
 * sign"), so an alert never reports a signing that has not happened; {@code next} is a further
 * event the item says is to come ("met in Ashgabat; the signing is expected"); {@code arrival} says
 * the visit is an arrival, which is not yet a meeting ("arrived in Moscow, where he will sign").
 */
public record EventCard(List<Gazetteer.Name> people, List<Gazetteer.Name> places, Optional<LocalDate> date,
                        Optional<Gazetteer.Stage> stage, boolean upcoming, List<Gazetteer.Name> countries,
                        List<Gazetteer.Name> institutions, Optional<EventCard> next, boolean arrival) {
    static final int MAX_PEOPLE = 4;
    static final int MAX_PLACES = 3;
    /** How far into the item a body sentence may tell the main event again and give its place, in sentences. */
    static final int RETOLD_WITHIN = 5;

    public EventCard(List<Gazetteer.Name> people, List<Gazetteer.Name> places, Optional<LocalDate> date,
                     Optional<Gazetteer.Stage> stage) {
        this(people, places, date, stage, false, List.of(), List.of(), Optional.empty(), false);
    }

    public EventCard(List<Gazetteer.Name> people, List<Gazetteer.Name> places, Optional<LocalDate> date,
                     Optional<Gazetteer.Stage> stage, boolean upcoming, List<Gazetteer.Name> countries,
                     List<Gazetteer.Name> institutions, Optional<EventCard> next) {
        this(people, places, date, stage, upcoming, countries, institutions, next, false);
    }

    public static EventCard empty() {
        return new EventCard(List.of(), List.of(), Optional.empty(), Optional.empty());
    }

    /** The country of each place, in the places' order ("" where the gazetteer does not know it). */
    public Optional<Gazetteer.Name> countryOf(Gazetteer.Name place) {
        return countries.stream().filter(c -> c.id().equals(place.country())).findFirst();
    }

    /**
     * The card of an item's main event, as the reading found it: its stage and tense, its people
     * (the event's participants first, then the title's), where it happened and when. With no main
     * event the card names the title's people and states no stage: a plain alert is better than a
     * false one. Dates resolve against the article's date; a done event with no date of its own is
     * dated by the article.
     */
    public static EventCard of(Reading reading, Gazetteer gazetteer, Optional<LocalDate> articleDate) {
        Optional<Frame> main = reading.mainEvent();
        List<Gazetteer.Name> people = new ArrayList<>();
        main.ifPresent(f -> add(people, persons(f.participants())));
        if (!reading.sentences().isEmpty()) {
            SentenceReading first = reading.sentences().get(0);
            add(people, gazetteer.namesIn(first.text()).stream().filter(n -> n.kind() == Gazetteer.Kind.PERSON && !n.side().isEmpty()).toList());
        }
        if (main.isEmpty()) {
            return new EventCard(limit(people, MAX_PEOPLE), List.of(), Optional.empty(), Optional.empty(), false, List.of(), List.of(),
                    Optional.empty());
        }
        Frame f = main.get();
        List<Frame> retold = sameEvent(reading, f);
        for (Frame r : retold) add(people, persons(r.participants()));
        // "the heads of state signed", الرئيسان وقعا: an event that names no one was done by those the title and lead name
        if (people.isEmpty()) for (Frame r : reading.frames()) if (r.part() != Frame.Part.BODY) add(people, persons(r.participants()));
        Optional<EventCard> next = reading.nextEvent().map(n -> card(n, List.of(), List.of(), gazetteer, articleDate, Optional.empty()));
        boolean ahead = f.tense().upcoming();
        if (f.date().isEmpty()) {
            // "will sign in Moscow — the signing will take place on Friday": the lead dates the title's event
            Optional<LocalDate> told = retold.stream().map(Frame::date).flatMap(Optional::stream).findFirst();
            // "arrives in Moscow ahead of the signing — Putin receives him tomorrow": a lead that tells no other event
            if (told.isEmpty()) told = frameless(reading).map(s -> Dates.find(s.text(), articleDate, ahead))
                    .flatMap(Optional::stream).findFirst();
            if (told.isPresent()) f = f.withDate(told);
        }
        return card(f, limit(people, MAX_PEOPLE), places(reading, f, gazetteer), gazetteer, articleDate, next);
    }

    /** The main event told again in the title or lead (same stage, same tense): its people and date are the event's. */
    private static List<Frame> sameEvent(Reading reading, Frame main) {
        return reading.frames().stream()
                .filter(x -> x != main && x.part() != Frame.Part.BODY && x.stage().equals(main.stage()) && x.tense() == main.tense())
                .toList();
    }

    private static java.util.stream.Stream<SentenceReading> frameless(Reading reading) {
        return reading.sentences().stream().filter(s -> s.part() != Frame.Part.BODY && s.frames().isEmpty());
    }

    private static EventCard card(Frame f, List<Gazetteer.Name> people, List<Gazetteer.Name> places, Gazetteer gazetteer,
                                  Optional<LocalDate> articleDate, Optional<EventCard> next) {
        boolean upcoming = f.tense().upcoming();
        Optional<LocalDate> date = f.date().or(() -> upcoming ? Optional.empty() : articleDate);
        // what is still to come has no date before publication (that is the byline's date, not the event's),
        // and what is done none after it ("arrived today, will sign tomorrow": tomorrow is the signing's)
        if (upcoming && date.isPresent() && articleDate.isPresent() && !date.get().isAfter(articleDate.get())) date = Optional.empty();
        if (!upcoming && date.isPresent() && articleDate.isPresent() && date.get().isAfter(articleDate.get())) date = articleDate;
        List<Gazetteer.Name> countries = new ArrayList<>();
        for (Gazetteer.Name p : places) gazetteer.countryOf(p).filter(c -> !countries.contains(c)).ifPresent(countries::add);
        List<Gazetteer.Name> bodies = new ArrayList<>();
        for (Participant p : f.participants()) {
            if (p.kind() == Gazetteer.Kind.INSTITUTION) p.entry().filter(n -> !bodies.contains(n)).ifPresent(bodies::add);
        }
        boolean arrival = !upcoming && f.arrival();
        return new EventCard(people, List.copyOf(places), date, f.stage(), upcoming, List.copyOf(countries), limit(bodies, 2), next, arrival);
    }

    /**
     * Where the main event happened: the places its own sentence names as where (in Moscow, in the
     * Kremlin), else those of a title or lead sentence that tells the same event again (the ceremony was held in ...).
     */
    private static List<Gazetteer.Name> places(Reading reading, Frame main, Gazetteer gazetteer) {
        List<Gazetteer.Name> out = new ArrayList<>();
        main.place().ifPresent(out::add);
        // "Russia and Iran signed a memorandum — it was signed by the two heads at a meeting in Moscow": the
        // title or lead telling the same stage again (or naming it bare: "the meeting, held in Moscow") places it
        for (Frame f : reading.frames()) {
            boolean retold = f != main && f.part() != Frame.Part.BODY && f.stage().equals(main.stage())
                    && (f.tense() == main.tense() || f.tense() == Tense.UNMARKED) && !f.ofAnotherPair();
            if (retold && f.place().isPresent() && (out.isEmpty() || countryOnly(out) && f.place().get().kind() == Gazetteer.Kind.PLACE)) {
                // "arrived in Russia — talks in Moscow": the city narrows the country
                out.clear();
                out.add(f.place().get());
            }
        }
        for (SentenceReading s : reading.sentences()) {
            boolean own = s.text().equals(main.sentence());
            // a lead that only reports speech places its speaker, not the event ("so said Iran's ambassador in Moscow")
            boolean speech = s.frames().isEmpty() && gazetteer.cuesIn(s.tokens()).stream().anyMatch(c -> c.label() == Gazetteer.Cue.REPORTING);
            boolean sameEvent = s.part() != Frame.Part.BODY && !speech && s.frames().stream()
                    .allMatch(x -> x.stage().equals(main.stage()) && x.tense() == main.tense());
            if (!own && !sameEvent) continue;
            List<Gazetteer.Name> found = gazetteer.placesIn(s.text());
            // a lead that tells the same event may narrow its place (in Moscow — in the Kremlin), never move it
            boolean narrows = own || out.isEmpty()
                    || found.stream().allMatch(p -> out.stream().anyMatch(o -> o.country().equals(p.country()) || o.id().equals(p.country())));
            if (!narrows) continue;
            for (Gazetteer.Name p : found) if (!out.contains(p) && out.size() < MAX_PLACES) out.add(p);
        }
        if ((out.isEmpty() || countryOnly(out)) && main.tense() == Tense.DONE) {
            // "Putin and Pezeshkian signed the treaty on Friday — they held talks on Friday in Moscow": the two sides'
            // own talks in the title or lead are the occasion, and where they were held is where the event was
            for (Frame f : reading.frames()) {
                boolean occasion = f != main && f.part() != Frame.Part.BODY && f.stage().map(st -> st.id().equals("talks")).orElse(false)
                        && f.tense() == Tense.DONE && f.ofThePair() && !f.setting();
                // (a city only: the country a visit went to is too loose to place another event)
                if (occasion && f.place().isPresent() && f.place().get().kind() == Gazetteer.Kind.PLACE) {
                    out.clear();
                    out.add(f.place().get());
                    break;
                }
            }
        }
        if (out.isEmpty() || countryOnly(out)) {
            // "the reactor in Iran goes to full power in August — the reactor near Bushehr ... goes to full power":
            // a headline that names only a country leaves the place to the body telling the same event again
            List<SentenceReading> first = reading.sentences().subList(0, Math.min(reading.sentences().size(), RETOLD_WITHIN + 1));
            first.stream().filter(s -> s.part() == Frame.Part.BODY).flatMap(s -> s.frames().stream())
                    // (or, for a signing, names its ceremony bare: "the ceremony took place in the Kremlin")
                    .filter(f -> f.stage().equals(main.stage())
                            && (f.tense() == main.tense() || f.tense() == Tense.UNMARKED && main.stage().map(st -> st.id().equals("signing")).orElse(false))
                            && !f.ofAnotherPair() && !f.setting())
                    .map(Frame::place).flatMap(Optional::stream).findFirst().ifPresent(out::add);
        }
        if (out.isEmpty() || countryOnly(out)) {
            for (Gazetteer.Name seat : seats(main, gazetteer)) if (!out.contains(seat)) out.add(seat);
        }
        // a country the visit went to gives way to the city the same item names in it
        if (out.size() > 1 && out.get(0).kind() == Gazetteer.Kind.COUNTRY) {
            Gazetteer.Name country = out.get(0);
            if (out.stream().anyMatch(p -> p.kind() == Gazetteer.Kind.PLACE && p.country().equals(country.id()))) out.remove(0);
        }
        return out;
    }

    /**
     * Where the main event's bodies sit: the Duma ratified where it sits, whatever else the sentence places
     * elsewhere; work on a plant is done where the plant stands ("Rosatom continues building Bushehr's second
     * unit"). A meeting of two parliaments' members (the Majlis's and the Federation Council's) is held at one
     * seat or the other, or neither: it is not placed by them.
     */
    private static List<Gazetteer.Name> seats(Frame main, Gazetteer gazetteer) {
        boolean work = main.stage().map(st -> st.id().equals("implementation")).orElse(false);
        List<Gazetteer.Name> seats = new ArrayList<>();
        for (Participant p : main.participants()) {
            if (p.kind() != Gazetteer.Kind.INSTITUTION && !(work && p.kind() == Gazetteer.Kind.PROJECT)) continue;
            p.entry().flatMap(gazetteer::seatOf).filter(seat -> !seats.contains(seat)).ifPresent(seats::add);
        }
        boolean talks = main.stage().map(st -> st.order() == 0).orElse(false);
        return talks && seats.size() > 1 ? List.of() : seats;
    }

    // only a country so far ("arrived in Iran"): a city the item names later narrows it
    private static boolean countryOnly(List<Gazetteer.Name> places) {
        return places.size() == 1 && places.get(0).kind() == Gazetteer.Kind.COUNTRY;
    }

    private static List<Gazetteer.Name> persons(List<Participant> participants) {
        List<Gazetteer.Name> out = new ArrayList<>();
        for (Participant p : participants) {
            if (p.kind() != Gazetteer.Kind.PERSON || !p.ours()) continue;
            p.entry().ifPresent(out::add);
        }
        return out;
    }

    private static void add(List<Gazetteer.Name> to, List<Gazetteer.Name> names) {
        for (Gazetteer.Name n : names) if (!to.contains(n)) to.add(n);
    }

    private static <T> List<T> limit(List<T> list, int max) {
        return List.copyOf(list.subList(0, Math.min(max, list.size())));
    }
}
