package org.treatywatch.deliver;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.treatywatch.summarize.Alert;
import org.treatywatch.summarize.EventCard;
import org.treatywatch.read.Gazetteer;
import org.treatywatch.summarize.Summarizer;
import org.treatywatch.text.Bidi;
import org.treatywatch.text.Sentences;
import org.treatywatch.translate.Translation;
import org.treatywatch.translate.Translator;

/**
 * Renders an alert in a subscriber's language with {@code alert.<lang>.mustache}, as Telegram
 * HTML: inserted text escaped by the template engine, Latin runs isolated, the event card in the
 * subscriber's language, and the whole message within Telegram's limit (the summary loses whole
 * sentences first).
 */
public final class AlertRenderer {
    public static final int TELEGRAM_LIMIT = 4096;
    static final int MAX_TITLE = 300;
    static final int MAX_WHY = 240;

    private final Templates templates;
    private final Translator translator;

    public AlertRenderer(Templates templates) {
        this(templates, Translator.none());
    }

    /** With a translator, an article in the other language also gets its title and summary machine-translated. */
    public AlertRenderer(Templates templates, Translator translator) {
        this.templates = templates;
        this.translator = translator;
    }

    public String render(Alert alert, String lang) {
        // once per alert and language: callers render each language once and store the result
        Optional<Translation> mt = alert.articleLanguage().equals(lang) ? Optional.empty()
                : translator.translate(alert.title(), alert.summary(), alert.articleLanguage(), lang);
        List<String> sentences = new ArrayList<>(Sentences.split(alert.summary()));
        String out = renderWith(alert, lang, alert.summary(), mt);
        while (visibleLength(out) > TELEGRAM_LIMIT) {
            String summary;
            if (sentences.size() > 1) {
                sentences.remove(sentences.size() - 1);
                summary = String.join(" ", sentences);
            } else {
                String only = sentences.isEmpty() ? "" : sentences.get(0);
                int excess = visibleLength(out) - TELEGRAM_LIMIT;
                if (only.length() <= 1) break;
                summary = Summarizer.cut(only, Math.max(1, only.length() - excess - 1));
                sentences = new ArrayList<>(List.of(summary));
            }
            out = renderWith(alert, lang, summary, mt.map(t -> new Translation(t.title(), summary.isEmpty() ? "" : t.summary())));
        }
        return out;
    }

    private String renderWith(Alert a, String lang, String summary, Optional<Translation> mt) {
        Map<String, Object> ctx = new HashMap<>();
        ctx.put("title", Bidi.isolateLtrRuns(Summarizer.cut(a.title(), MAX_TITLE)));
        ctx.put("summary", Bidi.isolateLtrRuns(summary));
        ctx.put("why", Bidi.isolateLtrRuns(Summarizer.cut(a.why(), MAX_WHY)));
        // only http(s) links go into <a href>: never javascript:, data:, file: or tg:// deep links; the alert still goes out
        ctx.put("url", org.treatywatch.feed.Urls.web(a.url()).orElse(null));
        ctx.put("outlet", Bidi.isolateLtrRuns(a.outlet()));
        ctx.put("foreign", !a.articleLanguage().equals(lang));
        ctx.put("source_" + a.articleLanguage(), true);
        card(ctx, a.card(), lang);
        ctx.put("headline", headline(a.card(), lang));
        mt.ifPresent(t -> {
            ctx.put("mt", true);
            ctx.put("mt_title", Bidi.isolateLtrRuns(Summarizer.cut(t.title(), MAX_TITLE)));
            ctx.put("mt_summary", Bidi.isolateLtrRuns(Summarizer.cut(t.summary(), Summarizer.MAX_CHARS)));
        });
        return templates.render("alert", lang, ctx).strip();
    }

    private static void card(Map<String, Object> ctx, EventCard card, String lang) {
        List<Map<String, Object>> who = new ArrayList<>();
        for (Gazetteer.Name p : card.people()) {
            Map<String, Object> m = new HashMap<>();
            m.put("name", Bidi.isolateLtrRuns(p.in(lang)));
            m.put("role", p.roleIn(lang).map(Bidi::isolateLtrRuns).orElse(""));
            who.add(m);
        }
        ctx.put("who", who);
        List<Map<String, Object>> where = new ArrayList<>();
        for (Gazetteer.Name p : card.places()) {
            Map<String, Object> m = new HashMap<>();
            m.put("place", Bidi.isolateLtrRuns(p.in(lang)));
            m.put("country", card.countryOf(p).map(c -> Bidi.isolateLtrRuns(c.in(lang))).orElse(""));
            where.add(m);
        }
        ctx.put("where", where); // joined by the template, in the language's own punctuation
        List<String> bodies = new ArrayList<>();
        for (Gazetteer.Name b : card.institutions()) bodies.add(Bidi.isolateLtrRuns(b.in(lang)));
        ctx.put("bodies", bodies);
        ctx.put("upcoming", card.upcoming());
        ctx.put("when", card.date().map(d -> Bidi.FSI + DAY.format(d) + Bidi.PDI).orElse("")); // as the headline writes it
        ctx.put("stage", card.stage().map(s -> s.in(lang)).orElse(""));
    }

    private static final java.time.format.DateTimeFormatter DAY = java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy");

    /**
     * The first line in the reader's language, written by {@code headline.<lang>.mustache} from the
     * event facts alone (stage and tense, people, the first place with its country, the date): it
     * never says more than was found. Empty when nothing was found; the alert then opens with the title.
     */
    public String headline(EventCard card, String lang) {
        Map<String, Object> h = new HashMap<>();
        card.stage().ifPresentOrElse(st -> h.put(st.id(), true), () -> h.put("nostage", true));
        h.put("upcoming", card.upcoming());
        List<Map<String, Object>> people = new ArrayList<>();
        for (Gazetteer.Name p : card.people()) people.add(Map.of("name", Bidi.isolateLtrRuns(p.in(lang))));
        h.put("people", people);
        h.put("any", !people.isEmpty());
        h.put("one", people.size() == 1);
        h.put("many", people.size() >= 2);
        // an arrival is told as a visit by its first-named person (the one who arrived), never as a meeting
        if (card.arrival() && !card.places().isEmpty()) {
            h.put("arrival", true);
            if (!people.isEmpty()) h.put("visitor", people.get(0).get("name"));
        }
        if (!card.places().isEmpty()) {
            Gazetteer.Name place = card.places().get(0);
            String country = card.countryOf(place).map(c -> " (" + c.in(lang) + ")").orElse("");
            h.put("place", Bidi.isolateLtrRuns(place.in(lang) + country));
            place.locativeIn(lang).ifPresent(in -> h.put("place_in", Bidi.isolateLtrRuns(in + country)));
        }
        card.date().ifPresent(d -> h.put("date", Bidi.FSI + DAY.format(d) + Bidi.PDI));
        if (!card.institutions().isEmpty()) {
            Gazetteer.Name body = card.institutions().get(0);
            h.put("body", Bidi.isolateLtrRuns(body.in(lang)));
            body.locativeIn(lang).ifPresent(in -> h.put("body_in", Bidi.isolateLtrRuns(in)));
        }
        card.next().filter(n -> n.upcoming() && n.stage().isPresent() && (card.arrival() || !n.stage().equals(card.stage()))).ifPresent(n -> {
            Map<String, Object> next = new HashMap<>();
            next.put("n_" + n.stage().get().id(), true);
            n.date().ifPresent(d -> next.put("next_date", Bidi.FSI + DAY.format(d) + Bidi.PDI));
            h.put("next", next);
        });
        if (card.stage().isEmpty() && people.isEmpty()) return "";
        return templates.render("headline", lang, h).replace("\n", "").strip();
    }

    /** Length as Telegram counts it after parsing entities: tags removed, entities one character. */
    static int visibleLength(String html) {
        return html.replaceAll("<[^>]+>", "").replaceAll("&(amp|lt|gt|quot|#\\d+);", "x").length();
    }
}
