package org.treatywatch.bench;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * {@code bench leadtime}'s timeline of the treaty story: each event is published first by a Russian or
 * Persian source, by the other side's agency 8–18 minutes later, then by an Arabic outlet 20–35 minutes
 * after the source and by a Hebrew one 10–30 minutes after that (seeded), as treaty news has broken;
 * every feed also publishes items off the topic. Times are replayed minutes from the replay's start:
 * an event every 20 minutes, its source up to 10 minutes into them, the days between events skipped.
 * Each item is dated on its event's day (from 09:00 UTC), so each event is its own story. The wording
 * is in bench/leadtime.<lang>.txt.
 */
final class LeadTimeline {
    /** An event of the story: its id in the wording files, the language that reports it first, and its day. */
    record Event(String id, String source, LocalDate day) {}

    /** An item to publish: in which feed, at which replayed minute, and for which event (null: off the topic). */
    record Publication(int feed, double minute, Event event, PublishingFarm.Article article) {
        String language() {
            return OUTLETS.get(feed).language();
        }
    }

    static final List<Event> STORY = List.of(
            new Event("talks", "ru", LocalDate.of(2025, 1, 10)),
            new Event("signing", "ru", LocalDate.of(2025, 1, 17)),
            new Event("duma", "ru", LocalDate.of(2025, 4, 8)),
            new Event("majlis", "fa", LocalDate.of(2025, 5, 21)),
            new Event("entry", "fa", LocalDate.of(2025, 10, 2)),
            new Event("gas", "fa", LocalDate.of(2025, 10, 28)));

    /** Two outlets a language: the sources, then the Arabic and Hebrew outlets that report after them. */
    static final List<PublishingFarm.Outlet> OUTLETS = List.of(
            new PublishingFarm.Outlet("Kremlin (replay)", "ru"), new PublishingFarm.Outlet("TASS (replay)", "ru"),
            new PublishingFarm.Outlet("IRNA (replay)", "fa"), new PublishingFarm.Outlet("Tasnim (replay)", "fa"),
            new PublishingFarm.Outlet("Arabic outlet 1", "ar"), new PublishingFarm.Outlet("Arabic outlet 2", "ar"),
            new PublishingFarm.Outlet("Hebrew outlet 1", "he"), new PublishingFarm.Outlet("Hebrew outlet 2", "he"));

    /** Replayed minutes: an event every EVENTS_APART; the source's report up to EVENTS_JITTER into them; the others' after it. */
    static final double EVENTS_APART = 20, EVENTS_JITTER = 10;
    static final double OTHER_SOURCE_AFTER = 8, OTHER_SOURCE_SPREAD = 10, ARABIC_AFTER = 20, ARABIC_SPREAD = 15;
    static final double HEBREW_AFTER = 10, HEBREW_SPREAD = 20; // after the Arabic report
    private static final LocalTime MORNING = LocalTime.of(9, 0);

    private final Map<String, Wording> wording = new HashMap<>();

    LeadTimeline() {
        for (String lang : List.of("ru", "fa", "ar", "he")) wording.put(lang, Wording.load(lang));
    }

    /**
     * The first {@code events} events of the story, by replayed minute: for each, its four reports and
     * an item off the topic in every feed; before them (minute -1), an item off the topic in every feed,
     * the baseline the service records without alerting.
     */
    List<Publication> plan(int events, long seed) {
        if (events < 1 || events > STORY.size()) throw new IllegalArgumentException("--events must be 1 to " + STORY.size() + ", not " + events);
        Random random = new Random(seed);
        List<Publication> plan = new ArrayList<>();
        int offTopic = 0;
        for (int f = 0; f < OUTLETS.size(); f++) plan.add(offTopic(f, -1, STORY.get(0).day().minusDays(1), -1, offTopic++));
        for (int k = 0; k < events; k++) {
            Event e = STORY.get(k);
            double start = k * EVENTS_APART + random.nextDouble() * EVENTS_JITTER; // the source at any moment of a poll interval
            double other = start + OTHER_SOURCE_AFTER + random.nextDouble() * OTHER_SOURCE_SPREAD;
            double arabic = start + ARABIC_AFTER + random.nextDouble() * ARABIC_SPREAD;
            double hebrew = arabic + HEBREW_AFTER + random.nextDouble() * HEBREW_SPREAD;
            plan.add(report(e, e.source(), pick(e.source(), random), start, start));
            String otherSide = e.source().equals("ru") ? "fa" : "ru";
            plan.add(report(e, otherSide, pick(otherSide, random), other, start));
            plan.add(report(e, "ar", pick("ar", random), arabic, start));
            plan.add(report(e, "he", pick("he", random), hebrew, start));
            for (int f = 0; f < OUTLETS.size(); f++) {
                plan.add(offTopic(f, start + random.nextDouble() * (hebrew - start), e.day(), start, offTopic++));
            }
        }
        plan.sort(Comparator.comparingDouble(Publication::minute));
        return plan;
    }

    /** The day and time an item published at replayed {@code minute} carries, for an event starting at {@code start}. */
    static Instant dated(LocalDate day, double minute, double start) {
        return day.atTime(MORNING).toInstant(ZoneOffset.UTC).plusSeconds(Math.round((minute - start) * 60));
    }

    private Publication report(Event e, String lang, int feed, double minute, double start) {
        Wording w = wording.get(lang);
        List<String> text = w.reports().get(e.id());
        if (text == null) throw new IllegalStateException("bench/leadtime." + lang + ".txt has no report of " + e.id());
        return new Publication(feed, minute, e, new PublishingFarm.Article(e.id() + "." + lang, text.get(0),
                text.subList(1, text.size()), dated(e.day(), minute, start)));
    }

    private Publication offTopic(int feed, double minute, LocalDate day, double start, int n) {
        String lang = OUTLETS.get(feed).language();
        List<List<String>> items = wording.get(lang).offTopic();
        List<String> text = items.get(n % items.size());
        return new Publication(feed, minute, null, new PublishingFarm.Article("u" + n + "." + lang, text.get(0),
                text.subList(1, text.size()), dated(day, minute, start)));
    }

    private static int pick(String lang, Random random) {
        List<Integer> feeds = new ArrayList<>();
        for (int f = 0; f < OUTLETS.size(); f++) if (OUTLETS.get(f).language().equals(lang)) feeds.add(f);
        return feeds.get(random.nextInt(feeds.size()));
    }

    /** One language's wording: each event's report (title, then paragraphs) and the items off the topic. */
    private record Wording(Map<String, List<String>> reports, List<List<String>> offTopic) {
        static Wording load(String lang) {
            Wording w = new Wording(new HashMap<>(), new ArrayList<>());
            for (List<String> r : BenchTexts.records("leadtime." + lang)) {
                if (r.get(0).equals("E") && r.size() >= 4) w.reports().put(r.get(1), r.subList(2, r.size()));
                else if (r.get(0).equals("U") && r.size() >= 3) w.offTopic().add(r.subList(1, r.size()));
            }
            return w;
        }
    }
}
