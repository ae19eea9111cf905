package org.treatywatch.bench;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.treatywatch.config.Durations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * `bench leadtime`: what reading the Russian and Persian sources gains a Hebrew or Arabic reader.
 * The real service reads eight feeds on 127.0.0.1 (two outlets in each of Russian, Persian, Arabic
 * and Hebrew) and sends to the Bot API simulator; {@link LeadTimeline} replays the treaty story on a
 * compressed clock, each event published by its source first and by Arabic and Hebrew outlets later.
 * For each event it prints when the alert went out, per reader language, against the first Arabic or
 * Hebrew report, and how many alerts each chat got (one: later reports edit it).
 */
@Command(name = "leadtime", mixinStandardHelpOptions = true,
        description = "Replay the treaty story's events (each published first by a Russian or Persian source, then by an Arabic "
                + "and a Hebrew outlet minutes later) through the running service and the Bot API simulator, on a compressed "
                + "clock; print, per event, the alert's time for Hebrew and Arabic readers against the first Arabic or Hebrew "
                + "report (the lead), and the alerts each chat got (one per event).")
public final class LeadTimeBench implements Callable<Integer> {
    private static final Pattern REPORT = Pattern.compile("/articles/([a-z]+)\\.(ru|fa|ar|he)\\.html");
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);
    private static final List<String> READERS = List.of("he", "ar");
    private static final String ROW = "%-8s  %-10s  %-21s  %-5s  %-11s  %-8s  %-8s  %-9s  %-9s  %-11s  %s%n";

    @Option(names = "--events", defaultValue = "6", description = "events of the story replayed, 1 to 6 (default ${DEFAULT-VALUE})")
    int events;

    @Option(names = "--chats", defaultValue = "20", description = "chats subscribed to the topic, Hebrew and Arabic readers in turn (default ${DEFAULT-VALUE})")
    int chats;

    @Option(names = "--feeds-interval", defaultValue = "5s", description = "every feed's poll interval, real time (default ${DEFAULT-VALUE})")
    String feedsInterval;

    @Option(names = "--scale", defaultValue = "60", description = "replayed seconds per real second (default ${DEFAULT-VALUE}: a replayed minute a second)")
    int scale;

    @Option(names = "--seed", defaultValue = "42", description = "random seed for the outlets and delays (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--templates", defaultValue = "templates", description = "templates folder (default ${DEFAULT-VALUE})")
    Path templates;

    @Spec
    CommandSpec spec;

    /** One event's replay: times are replayed, leads in replayed minutes (positive: the reader was first). */
    record EventLead(LeadTimeline.Event event, String sourceOutlet, Instant sourceAt, String firstReportLanguage, Instant firstReportAt,
                     Map<String, Instant> alertAt, Map<String, Double> lead, Map<String, Double> afterSource, String alertedFrom,
                     int fewestAlerts, int mostAlerts, int chatsEdited) {}

    /** The replay's events, and every message the simulator accepted. */
    record Outcome(List<EventLead> events, List<BotApiSimulator.Sent> sent, List<BotApiSimulator.Sent> edited) {}

    @Override
    public Integer call() throws Exception {
        replay();
        return 0;
    }

    Outcome replay() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Duration every = Durations.parseInterval(feedsInterval);
        if (chats < 2) throw new IllegalArgumentException("--chats must be at least 2 (a Hebrew and an Arabic reader), not " + chats);
        if (scale < 1) throw new IllegalArgumentException("--scale must be at least 1, not " + scale);
        List<LeadTimeline.Publication> plan = new LeadTimeline().plan(events, seed);
        try (ScratchFolder scratch = ScratchFolder.create("treatywatch-bench-leadtime");
             PublishingFarm farm = new PublishingFarm(LeadTimeline.OUTLETS); BotApiSimulator api = new BotApiSimulator()) {
            plan.stream().filter(p -> p.minute() < 0).forEach(p -> farm.publish(p.feed(), p.article()));
            try (BenchService service = BenchService.start(scratch.path(), farm.feedsYaml(feedsInterval), api, templates, "123456:leadtime-bench-token")) {
                service.subscribe(chats);
                Duration baseline = service.awaitBaseline(every.multipliedBy(10).plusMinutes(2));
                header(out, every, baseline);
                out.flush();
                long t0 = System.nanoTime();
                Map<String, Long> publishedAt = publish(farm, plan, t0);
                awaitDeliveries(api, plan, System.nanoTime() + every.multipliedBy(3).toNanos()
                        + Duration.ofSeconds(events * (long) chats * 3 / 25 + 120).toNanos()); // Telegram's 30/s, and slack
                Outcome outcome = new Outcome(leads(plan, publishedAt, api, t0), api.sent(), api.edited());
                report(out, outcome);
                return outcome;
            }
        } finally {
            out.flush();
        }
    }

    private void header(PrintWriter out, Duration every, Duration baseline) {
        out.printf("leadtime: %d events, each published first by a Russian or Persian source, by the other side's agency %.0f–%.0f, "
                        + "an Arabic outlet %.0f–%.0f and a Hebrew one %.0f–%.0f replayed minutes later; %d feeds every %s (%.1f replayed "
                        + "minutes), %d chats (Hebrew and Arabic readers in turn); a replayed minute every %.2f s (seed %d); every feed's "
                        + "baseline taken in %.1f s%n",
                events, LeadTimeline.OTHER_SOURCE_AFTER, LeadTimeline.OTHER_SOURCE_AFTER + LeadTimeline.OTHER_SOURCE_SPREAD,
                LeadTimeline.ARABIC_AFTER, LeadTimeline.ARABIC_AFTER + LeadTimeline.ARABIC_SPREAD, LeadTimeline.ARABIC_AFTER + LeadTimeline.HEBREW_AFTER,
                LeadTimeline.ARABIC_AFTER + LeadTimeline.ARABIC_SPREAD + LeadTimeline.HEBREW_AFTER + LeadTimeline.HEBREW_SPREAD,
                LeadTimeline.OUTLETS.size(), feedsInterval, every.toMillis() * scale / 60_000.0, chats, 60.0 / scale, seed,
                baseline.toMillis() / 1000.0);
    }

    private long nanosOf(double minutes) {
        return (long) (minutes * 60e9 / scale);
    }

    private double minutesOf(long nanos) {
        return nanos * scale / 60e9;
    }

    // Each item at its replayed minute; the real moment it went up is what alerts are measured against.
    private Map<String, Long> publish(PublishingFarm farm, List<LeadTimeline.Publication> plan, long t0) throws InterruptedException {
        Map<String, Long> at = new HashMap<>();
        for (LeadTimeline.Publication p : plan) {
            if (p.minute() < 0) continue;
            long wait = t0 + nanosOf(p.minute()) - System.nanoTime();
            if (wait > 0) Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            farm.publish(p.feed(), p.article());
            at.put(p.article().slug(), System.nanoTime());
        }
        return at;
    }

    // Done when every chat has each event's alert and its latest text links every later report; then a
    // moment more, as a duplicate would come right behind.
    private void awaitDeliveries(BotApiSimulator api, List<LeadTimeline.Publication> plan, long deadline) throws InterruptedException {
        List<LeadTimeline.Publication> reports = plan.stream().filter(p -> p.event() != null).toList();
        while (System.nanoTime() < deadline && !allDelivered(api, reports)) Thread.sleep(200);
        Thread.sleep(2000);
    }

    private boolean allDelivered(BotApiSimulator api, List<LeadTimeline.Publication> reports) {
        Map<Long, Map<String, String>> latest = latestTexts(api);
        for (long c = 1; c <= chats; c++) {
            Map<String, String> texts = latest.getOrDefault(c, Map.of());
            for (LeadTimeline.Publication r : reports) {
                String text = texts.get(r.event().id());
                if (text == null || !text.contains("/articles/" + r.article().slug() + ".html")) return false;
            }
        }
        return true;
    }

    /** Per chat and event, the text the chat sees now: the alert, or its latest edit. */
    private static Map<Long, Map<String, String>> latestTexts(BotApiSimulator api) {
        Map<Long, Map<String, String>> latest = new HashMap<>();
        List<BotApiSimulator.Sent> all = new ArrayList<>(api.sent());
        all.addAll(api.edited()); // edits come after their alert
        for (BotApiSimulator.Sent s : all) eventOf(s.text()).ifPresent(e -> latest.computeIfAbsent(s.chat(), k -> new HashMap<>()).put(e, s.text()));
        return latest;
    }

    /** The event an alert is about, from the link to the report it was sent for (the first link in it). */
    private static Optional<String> eventOf(String text) {
        Matcher m = REPORT.matcher(text);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private List<EventLead> leads(List<LeadTimeline.Publication> plan, Map<String, Long> publishedAt, BotApiSimulator api, long t0) {
        Map<Long, Map<String, String>> latest = latestTexts(api);
        List<EventLead> out = new ArrayList<>();
        for (LeadTimeline.Event e : LeadTimeline.STORY.subList(0, events)) {
            List<LeadTimeline.Publication> reports = plan.stream().filter(p -> p.event() == e).toList();
            int edited = (int) latest.values().stream().map(m -> m.get(e.id())).filter(t -> t != null
                    && reports.stream().allMatch(r -> t.contains("/articles/" + r.article().slug() + ".html"))).count();
            out.add(lead(e, reports, publishedAt, api.sent(), t0, edited));
        }
        return out;
    }

    // reports: the source's, the other side's agency's, the Arabic outlet's, the Hebrew one's, in the order published
    private EventLead lead(LeadTimeline.Event e, List<LeadTimeline.Publication> reports, Map<String, Long> publishedAt,
                           List<BotApiSimulator.Sent> sent, long t0, int edited) {
        LeadTimeline.Publication source = reports.get(0);
        LeadTimeline.Publication first = reports.stream().filter(r -> READERS.contains(r.language())).findFirst().orElseThrow();
        long sourceNanos = publishedAt.get(source.article().slug()), firstNanos = publishedAt.get(first.article().slug());
        Map<String, Instant> alertAt = new LinkedHashMap<>();
        Map<String, Double> lead = new LinkedHashMap<>(), afterSource = new LinkedHashMap<>();
        Map<Long, Integer> perChat = new HashMap<>();
        String alertedFrom = "";
        for (BotApiSimulator.Sent s : sent) {
            Matcher m = REPORT.matcher(s.text());
            if (!m.find() || !m.group(1).equals(e.id())) continue;
            perChat.merge(s.chat(), 1, Integer::sum);
            if (alertedFrom.isEmpty()) alertedFrom = m.group(2);
            String reader = BenchService.readerLanguage(s.chat());
            if (!alertAt.containsKey(reader)) {
                alertAt.put(reader, LeadTimeline.dated(e.day(), minutesOf(s.nanos() - t0), source.minute()));
                lead.put(reader, minutesOf(firstNanos - s.nanos()));
                afterSource.put(reader, minutesOf(s.nanos() - sourceNanos));
            }
        }
        int fewest = perChat.size() < chats ? 0 : perChat.values().stream().mapToInt(Integer::intValue).min().orElse(0);
        int most = perChat.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        return new EventLead(e, LeadTimeline.OUTLETS.get(source.feed()).name(),
                LeadTimeline.dated(e.day(), minutesOf(sourceNanos - t0), source.minute()), first.language(),
                LeadTimeline.dated(e.day(), minutesOf(firstNanos - t0), source.minute()), alertAt, lead, afterSource, alertedFrom,
                fewest, most, edited);
    }

    private void report(PrintWriter out, Outcome o) {
        out.printf(ROW, "event", "day", "source", "at", "first ar/he", "alert he", "alert ar", "lead he", "lead ar", "alerts/chat", "edited");
        List<Double> leads = new ArrayList<>();
        int exact = 0;
        for (EventLead e : o.events()) {
            out.printf(ROW, e.event().id(), e.event().day(), e.event().source() + " " + e.sourceOutlet(), CLOCK.format(e.sourceAt()),
                    CLOCK.format(e.firstReportAt()) + " " + e.firstReportLanguage(), alert(e, "he"), alert(e, "ar"), lead(e, "he"),
                    lead(e, "ar"), e.fewestAlerts() + "–" + e.mostAlerts(), e.chatsEdited() + " of " + chats);
            leads.addAll(e.lead().values());
            if (e.fewestAlerts() == 1 && e.mostAlerts() == 1) exact++;
        }
        out.printf("lead (first Arabic or Hebrew report − alert), replayed minutes: %s over %d alerts (events × reader languages); "
                + "%d went out before any Arabic or Hebrew report%n", spread(leads), leads.size(), leads.stream().filter(l -> l > 0).count());
        List<Double> delays = o.events().stream().flatMap(e -> e.afterSource().values().stream()).toList();
        long fromSource = o.events().stream().filter(e -> e.alertedFrom().equals(e.event().source())).count();
        long none = o.sent().stream().filter(s -> eventOf(s.text()).isEmpty()).count();
        out.printf("source's report → alert, replayed minutes: %s; alerted from the source's own report %d of %d events "
                + "(the rest from a later one)%n", spread(delays), fromSource, o.events().size());
        out.printf("alerts per chat: exactly one per event for %d of %d events; edits %d (a chat's alert names every later report: "
                + "%d of %d); messages naming no event %d%n", exact, o.events().size(), o.edited().size(),
                o.events().stream().mapToInt(EventLead::chatsEdited).sum(), o.events().size() * chats, none);
    }

    private static String spread(List<Double> values) {
        if (values.isEmpty()) return "none";
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return String.format("min %+.1f, median %+.1f, max %+.1f", v[0], (v[(v.length - 1) / 2] + v[v.length / 2]) / 2, v[v.length - 1]);
    }

    private static String alert(EventLead e, String reader) {
        Instant at = e.alertAt().get(reader);
        return at == null ? "none" : CLOCK.format(at);
    }

    private static String lead(EventLead e, String reader) {
        Double minutes = e.lead().get(reader);
        return minutes == null ? "none" : String.format("%+.1f min", minutes);
    }
}
