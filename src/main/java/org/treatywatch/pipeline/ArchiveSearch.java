package org.treatywatch.pipeline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.treatywatch.deliver.Templates;
import org.treatywatch.search.ArchiveIndex;
import org.treatywatch.store.ItemStore;
import org.treatywatch.read.Gazetteer;
import org.treatywatch.text.Bidi;

/** /search: the archive index brought up to date, then one page of results in a reader's language. */
public final class ArchiveSearch {
    /** A rendered page (Telegram HTML) and whether there are pages before and after it. */
    public record Rendered(String html, int page, boolean hasPrevious, boolean hasNext) {}

    private final ArchiveIndex index;
    private final ItemStore items;
    private final Supplier<Gazetteer> gazetteer;
    private final Templates templates;

    public ArchiveSearch(ArchiveIndex index, ItemStore items, Supplier<Gazetteer> gazetteer, Templates templates) {
        this.index = index;
        this.items = items;
        this.gazetteer = gazetteer;
        this.templates = templates;
    }

    /** Indexes what was stored since the last search; returns how many items. */
    public int catchUp() {
        return index.catchUp(items);
    }

    public ArchiveIndex.Page page(String words, int page) {
        index.catchUp(items);
        return index.search(words, page);
    }

    public Rendered render(String words, int page, String lang) {
        ArchiveIndex.Page p = page(words, page);
        Gazetteer g = gazetteer.get();
        List<Map<String, Object>> results = new ArrayList<>();
        for (ArchiveIndex.Hit h : p.hits()) {
            Map<String, Object> r = new HashMap<>();
            r.put("date", Bidi.FSI + h.date().map(Object::toString).orElse(h.seen().toString().substring(0, 10)) + Bidi.PDI);
            r.put("stage", h.stage().flatMap(g::stage).map(st -> st.in(lang)).orElse(""));
            r.put("outlets", Timeline.shown(h.outlets().stream().map(Bidi::isolateLtrRuns).toList()));
            r.put("title", Bidi.isolateLtrRuns(org.treatywatch.text.OneLine.of(h.title(), Timeline.MAX_TITLE_CHARS)));
            r.put("url", org.treatywatch.feed.Urls.web(h.url()).orElse(""));
            results.add(r);
        }
        int pages = p.pages();
        Map<String, Object> ctx = Map.of("results", results, "query", Bidi.isolateLtrRuns(words), "page", p.page(), "pages", pages,
                "total", p.total(), "none", p.total() == 0);
        return new Rendered(templates.render("search_results", lang, ctx).strip(), p.page(), p.hasPrevious(), p.hasNext());
    }
}
