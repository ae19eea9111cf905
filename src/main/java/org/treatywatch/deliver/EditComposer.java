package org.treatywatch.deliver;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.treatywatch.store.ChatStore;
import org.treatywatch.store.OutboxStore;
import org.treatywatch.store.StoryStore;
import org.treatywatch.text.Bidi;

/** The text of an alert edited because its story was reported again: the alert, then "also reported by N outlets". */
public final class EditComposer {
    static final int MAX_LINKS = 6;

    private final StoryStore stories;
    private final ChatStore chats;
    private final Templates templates;

    public EditComposer(StoryStore stories, ChatStore chats, Templates templates) {
        this.stories = stories;
        this.chats = chats;
        this.templates = templates;
    }

    public String editedBody(OutboxStore.WantedEdit e) {
        List<StoryStore.Report> reports = stories.reports(e.storyId());
        // The first report is the alert itself; one link per other outlet.
        Map<String, String> others = new LinkedHashMap<>();
        String first = reports.isEmpty() ? "" : String.valueOf(reports.get(0).outlet());
        for (StoryStore.Report r : reports.subList(Math.min(1, reports.size()), reports.size())) {
            String outlet = r.outlet() == null ? "" : r.outlet();
            if (!outlet.equals(first)) others.putIfAbsent(outlet, r.url());
        }
        if (others.isEmpty()) return e.body();
        String lang = chats.get(e.chatId()).map(c -> c.language()).orElse("he");
        return e.body() + "\n\n" + footer(templates, lang, others);
    }

    /**
     * "Also reported by N other outlets", in the reader's language and the number's own form: Hebrew
     * has a singular, Arabic a singular, a dual, 3–10 and 11 and more ({@code one}, {@code two},
     * {@code few}, {@code many} for the template).
     */
    static String footer(Templates templates, String lang, Map<String, String> others) {
        List<Map<String, Object>> links = new ArrayList<>();
        for (var o : others.entrySet()) {
            if (links.size() >= MAX_LINKS) break;
            links.add(Map.of("outlet", Bidi.isolateLtrRuns(o.getKey()), "url", o.getValue() == null ? "" : o.getValue()));
        }
        int n = others.size();
        Map<String, Object> ctx = new java.util.HashMap<>();
        ctx.put("count", n);
        ctx.put("links", links);
        ctx.put(n == 1 ? "one" : n == 2 ? "two" : n <= 10 ? "few" : "many", true);
        return templates.render("also_reported", lang, ctx).strip();
    }
}
