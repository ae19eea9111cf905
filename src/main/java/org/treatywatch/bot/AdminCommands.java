package org.treatywatch.bot;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.treatywatch.config.Durations;
import org.treatywatch.config.Secrets;
import org.treatywatch.store.FeedRow;
import org.treatywatch.text.Bidi;

/** Commands for the bot's admins (TREATYWATCH_ADMINS); the caller has checked the rights. */
final class AdminCommands {
    static final Set<String> NAMES = Set.of("feeds", "addfeed", "removefeed", "pausefeed", "resumefeed", "pollnow", "stats", "reload", "export");
    static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1_048_576.0);
    }

    /** What one error may take of a reply (a feeds.yaml error quoting a huge value). */
    static final int MAX_ERROR_CHARS = 300;

    private static final DateTimeFormatter SHORT_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private final AdminActions actions;
    private final Replies replies;

    AdminCommands(AdminActions actions, Replies replies) {
        this.actions = actions;
        this.replies = replies;
    }

    void handle(Request r) throws TelegramApiException {
        Command cmd = r.command();
        String name = cmd.name();
        long chat = r.chatId();
        String lang = r.lang();
        if (Set.of("feeds", "stats", "reload", "export").contains(name) && !cmd.args().isEmpty()) {
            replies.send(chat, lang, "usage", Map.of("extra", true, "command", name));
            return;
        }
        switch (name) {
            case "feeds" -> listFeeds(chat, lang);
            case "addfeed" -> addFeed(chat, lang, cmd);
            case "export" -> {
                Map<String, Object> ctx = Map.of("count", actions.feeds().size());
                replies.sendDocument(chat, lang, "feeds.opml", actions.exportOpml().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        "export_caption", ctx);
                replies.sendDocument(chat, lang, "feeds.yaml", actions.exportYaml().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        "export_caption", ctx);
            }
            case "stats" -> {
                AdminActions.Stats s = actions.stats();
                replies.send(chat, lang, "stats", Map.of("chats", s.chats(), "subscriptions", s.subscriptions(), "today", s.sentToday(),
                        "week", s.sentThisWeek(), "failed", s.failed(), "queued", s.queued(),
                        "db_size", s.databaseBytes() < 0 ? "" : Bidi.isolateLtrRuns(megabytes(s.databaseBytes()))));
            }
            case "reload" -> {
                AdminActions.Reloaded rl = actions.reload();
                List<String> errors = rl.errors().stream().map(e -> Bidi.isolateLtrRuns(clip(e, MAX_ERROR_CHARS))).toList();
                replies.send(chat, lang, "reload_done", Map.of("feeds", rl.feeds(), "errors", errors));
            }
            default -> feedAction(chat, lang, cmd);
        }
    }

    private void feedAction(long chat, String lang, Command cmd) throws TelegramApiException {
        if (cmd.args().size() != 1) {
            replies.send(chat, lang, "usage", Map.of(cmd.name(), true));
            return;
        }
        String id = cmd.args().get(0).toLowerCase();
        boolean done = switch (cmd.name()) {
            case "removefeed" -> actions.removeFeed(id);
            case "pausefeed" -> actions.setPaused(id, true);
            case "resumefeed" -> actions.setPaused(id, false);
            default -> actions.pollNow(id);
        };
        Map<String, Object> ctx = new HashMap<>();
        ctx.put("id", Bidi.isolateLtrRuns(id));
        if (!done) {
            replies.send(chat, lang, "feed_not_found", ctx);
            return;
        }
        ctx.put(switch (cmd.name()) {
            case "removefeed" -> "removed";
            case "pausefeed" -> "paused";
            case "resumefeed" -> "resumed";
            default -> "polling";
        }, true);
        replies.send(chat, lang, "feed_done", ctx);
    }

    private void listFeeds(long chatId, String lang) throws TelegramApiException {
        List<Map<String, Object>> rows = new ArrayList<>();
        List<FeedRow> feeds = actions.feeds();
        for (FeedRow f : feeds) {
            Map<String, Object> r = new HashMap<>();
            r.put("id", f.id());
            r.put("language", f.def().language());
            r.put("interval", Durations.format(f.def().interval()));
            r.put("ok", f.consecutiveFailures() == 0);
            r.put("paused", f.paused() || !f.def().enabled());
            r.put("failures", f.consecutiveFailures());
            r.put("error", f.consecutiveFailures() > 0 && f.lastError() != null ? Bidi.isolateLtrRuns(clip(f.lastError(), 120)) : "");
            r.put("lastItem", f.lastItemAt() == null ? "" : Bidi.FSI + SHORT_TIME.format(f.lastItemAt()) + Bidi.PDI);
            rows.add(r);
        }
        replies.send(chatId, lang, "feeds", Map.of("feeds", rows, "count", feeds.size()));
    }

    private void addFeed(long chatId, String lang, Command cmd) throws TelegramApiException {
        if (cmd.args().isEmpty() || cmd.args().size() > 4) {
            replies.send(chatId, lang, "addfeed_usage");
            return;
        }
        AdminActions.Added added;
        try {
            added = actions.addFeed(cmd.args().get(0), cmd.arg(1), cmd.arg(2), cmd.arg(3));
        } catch (AddFeedException e) {
            replies.send(chatId, lang, "addfeed_error", Map.of(e.flag(), true,
                    "detail", Bidi.isolateLtrRuns(clip(Secrets.mask(String.valueOf(e.getMessage())), 300))));
            return;
        } catch (RuntimeException e) {
            replies.send(chatId, lang, "addfeed_error", Map.of("internal", true, "detail", ""));
            return;
        }
        if (added.offer().isPresent()) {
            replies.send(chatId, lang, "addfeed_offer", Map.of("feed", Bidi.isolateLtrRuns(added.offer().get())));
            return;
        }
        replies.send(chatId, lang, "addfeed_ok", Map.of("id", added.def().id(), "items", added.items(), "kind", added.def().kind().key(),
                "language", added.def().language(), "interval", Durations.format(added.def().interval())));
    }

    /** An OPML file an admin sent: every feed added or refused, one line each, in the admin's language. */
    void importFeeds(long chatId, String lang, String opml) throws TelegramApiException {
        AdminActions.ImportReport report = actions.importFeeds(opml);
        List<Map<String, Object>> lines = new ArrayList<>();
        for (AdminActions.ImportLine l : report.lines()) {
            Map<String, Object> m = new HashMap<>();
            // every flag said, so that a line's missing one is not taken from the report's own (its "added" count)
            for (String flag : List.of("added", "unreachable", "offer", "error")) m.put(flag, false);
            m.put("title", Bidi.isolateLtrRuns(clip(l.title().isBlank() ? l.url() : l.title(), 80)));
            l.added().ifPresent(d -> m.put(l.down().isPresent() ? "unreachable" : "added", Map.of("id", Bidi.isolateLtrRuns(d.id()),
                    "kind", d.kind().key(), "language", d.language(), "items", l.items(),
                    "detail", Bidi.isolateLtrRuns(clip(Secrets.mask(l.down().orElse("")), 200)))));
            l.offer().ifPresent(o -> m.put("offer", Bidi.isolateLtrRuns(o)));
            l.error().ifPresent(e -> m.put("error", replies.render("addfeed_error", lang, Map.of(e.flag(), true,
                    "detail", Bidi.isolateLtrRuns(clip(Secrets.mask(String.valueOf(e.getMessage())), 200))))));
            lines.add(m);
        }
        Map<String, Object> ctx = new HashMap<>();
        ctx.put("lines", lines);
        ctx.put("added", report.added());
        ctx.put("total", report.lines().size());
        ctx.put("down_count", report.down());
        report.fileError().ifPresent(e -> ctx.put("file_error", Bidi.isolateLtrRuns(clip(e, 200))));
        replies.send(chatId, lang, "import_report", ctx);
    }

    private static String clip(String s, int max) {
        return org.treatywatch.text.OneLine.of(s, max);
    }
}
