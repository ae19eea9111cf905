package org.treatywatch.pipeline;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.treatywatch.deliver.Templates;
import org.treatywatch.store.StoryStore;
import org.treatywatch.read.Gazetteer;
import org.treatywatch.text.Bidi;
import org.treatywatch.text.OneLine;

/** The treaty's stories by date, each with its stage, place and outlets, in a reader's language. */
public final class Timeline {
    public static final int DEFAULT_LIMIT = 15;
    /** What one story may take of the reply: a title this long, and this many outlets (then "…"). */
    public static final int MAX_TITLE_CHARS = 300, MAX_OUTLETS = 6;

    private final StoryStore stories;
    private final Supplier<Gazetteer> gazetteer;
    private final Templates templates;

    public Timeline(StoryStore stories, Supplier<Gazetteer> gazetteer, Templates templates) {
        this.stories = stories;
        this.gazetteer = gazetteer;
        this.templates = templates;
    }

    /** Rendered with {@code timeline.<lang>.mustache} (Telegram HTML). */
    public String render(String lang, int limit) {
        Gazetteer g = gazetteer.get();
        List<Map<String, Object>> entries = new ArrayList<>();
        for (StoryStore.StoryRow s : stories.timeline(limit)) {
            String date = s.date().map(Object::toString).orElse(s.firstSeen().atZone(ZoneOffset.UTC).toLocalDate().toString());
            String stage = s.stage().flatMap(g::stage).map(st -> st.in(lang)).orElse("");
            List<String> places = new ArrayList<>();
            for (String id : s.places()) g.name(id).ifPresent(n -> places.add(n.in(lang)));
            Set<String> outlets = new LinkedHashSet<>();
            for (StoryStore.Report r : stories.reports(s.id())) if (r.outlet() != null) outlets.add(Bidi.isolateLtrRuns(r.outlet()));
            entries.add(Map.of("date", Bidi.FSI + date + Bidi.PDI, "stage", stage,
                    "place", places.stream().map(Bidi::isolateLtrRuns).toList(),
                    "title", Bidi.isolateLtrRuns(s.title() == null ? "" : OneLine.of(s.title(), MAX_TITLE_CHARS)),
                    "outlets", shown(outlets)));
        }
        return templates.render("timeline", lang, Map.of("entries", entries)).strip();
    }

    /** A story reported everywhere lists its first outlets, then an ellipsis. */
    public static List<String> shown(java.util.Collection<String> outlets) {
        List<String> all = List.copyOf(outlets);
        if (all.size() <= MAX_OUTLETS) return all;
        List<String> out = new ArrayList<>(all.subList(0, MAX_OUTLETS));
        out.add(String.valueOf(OneLine.ELLIPSIS));
        return out;
    }
}
