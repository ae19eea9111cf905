package org.treatywatch.deliver;

import java.util.HashMap;
import java.util.Map;
import org.treatywatch.summarize.Alert;
import org.treatywatch.summarize.Summarizer;
import org.treatywatch.text.Bidi;

/**
 * Renders an alert in a subscriber's language with {@code alert.<lang>.mustache}, as Telegram
 * HTML: inserted text escaped, Latin runs isolated, the whole message within Telegram's limit.
 */
public final class AlertRenderer {
    public static final int TELEGRAM_LIMIT = 4096;

    private final Templates templates;

    public AlertRenderer(Templates templates) {
        this.templates = templates;
    }

    public String render(Alert alert, String lang) {
        String summary = alert.summary();
        String out = renderWith(alert, lang, summary);
        while (visibleLength(out) > TELEGRAM_LIMIT && summary.length() > 50) {
            summary = Summarizer.cut(summary.substring(0, summary.length() / 2));
            out = renderWith(alert, lang, summary);
        }
        return out;
    }

    private String renderWith(Alert a, String lang, String summary) {
        Map<String, Object> ctx = new HashMap<>();
        ctx.put("title", Bidi.isolateLtrRuns(a.title()));
        ctx.put("summary", Bidi.isolateLtrRuns(summary));
        ctx.put("why", Bidi.isolateLtrRuns(Summarizer.cut(a.why()).length() > 300 ? a.why().substring(0, 299) + "…" : a.why()));
        ctx.put("url", a.url());
        ctx.put("outlet", Bidi.isolateLtrRuns(a.outlet()));
        ctx.put("foreign", !a.articleLanguage().equals(lang));
        ctx.put("source_" + a.articleLanguage(), true);
        return templates.render("alert", lang, ctx).strip();
    }

    /** Length as Telegram counts it after parsing entities: tags removed, entities one character. */
    static int visibleLength(String html) {
        return html.replaceAll("<[^>]+>", "").replaceAll("&(amp|lt|gt|quot|#\\d+);", "x").length();
    }
}
