package org.treatywatch.bot;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.longpolling.util.LongPollingSingleThreadUpdateConsumer;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;
import org.treatywatch.config.Durations;
import org.treatywatch.deliver.Templates;
import org.treatywatch.store.Chat;
import org.treatywatch.store.ChatStore;
import org.treatywatch.store.FeedRow;
import org.treatywatch.store.Subscription;
import org.treatywatch.text.Bidi;

/**
 * Turns Telegram updates into subscriber and admin commands. Every update is handled inside a
 * catch-all: an exception escaping here would silently stop long polling for good.
 */
public final class TreatyBot implements LongPollingSingleThreadUpdateConsumer {
    private static final Logger log = LoggerFactory.getLogger(TreatyBot.class);
    private static final Set<String> LANGUAGES = Set.of("he", "ar");
    private static final DateTimeFormatter SHORT_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private final TelegramClient telegram;
    private final ChatStore chats;
    private final Replies replies;
    private final Set<Long> admins;
    private final FeedAdmin feedAdmin;

    public TreatyBot(TelegramClient telegram, ChatStore chats, Templates templates, Set<Long> admins, FeedAdmin feedAdmin) {
        this.telegram = telegram;
        this.chats = chats;
        this.replies = new Replies(telegram, templates);
        this.admins = admins;
        this.feedAdmin = feedAdmin;
    }

    @Override
    public void consume(Update update) {
        try {
            if (update.hasCallbackQuery()) onCallback(update.getCallbackQuery());
            else if (update.hasMessage()) onMessage(update.getMessage());
        } catch (Throwable e) {
            log.error("update {} failed: {}", update.getUpdateId(), e.getMessage(), e);
        }
    }

    private void onMessage(Message m) throws TelegramApiException {
        if (!m.hasText()) return;
        Optional<Command> parsed = Command.parse(m.getText());
        long chatId = m.getChatId();
        boolean isPrivate = "private".equals(m.getChat().getType());
        if (parsed.isEmpty()) {
            if (isPrivate) {
                Chat chat = chatFor(m);
                replies.send(chatId, chat.language(), "help", Map.of("admin", isAdmin(m.getFrom())));
            }
            return;
        }
        Command cmd = parsed.get();
        log.info("chat={} command /{}", chatId, cmd.name());
        Optional<String> userLang = languageOf(m.getFrom());
        boolean isNew = chats.get(chatId).isEmpty();
        Chat chat = chatFor(m);
        String lang = chat.language();
        if (cmd.rawArgs().length() > Command.MAX_ARGS_CHARS || cmd.args().size() > Command.MAX_ARGS) {
            replies.send(chatId, lang, "bad_input", Map.of("too_long", cmd.rawArgs().length() > Command.MAX_ARGS_CHARS,
                    "too_many", cmd.args().size() > Command.MAX_ARGS));
            return;
        }
        switch (cmd.name()) {
            case "start" -> {
                if (isNew && userLang.isEmpty()) replies.askLanguage(chatId);
                else replies.send(chatId, lang, "start");
            }
            case "help" -> replies.send(chatId, lang, "help", Map.of("admin", isAdmin(m.getFrom())));
            case "lang" -> setLanguage(chatId, cmd.arg(0).orElse(""), lang);
            case "subscribe" -> replies.send(chatId, lang, chats.subscribeTopic(chatId) ? "subscribed" : "already_subscribed");
            case "unsubscribe" -> unsubscribe(chatId, lang, cmd);
            case "list" -> list(chatId, lang);
            case "feeds" -> {
                if (requireAdmin(m, lang)) listFeeds(chatId, lang);
            }
            case "addfeed" -> {
                if (requireAdmin(m, lang)) addFeed(chatId, lang, cmd);
            }
            default -> replies.send(chatId, lang, "unknown_command", Map.of("command", "/" + cmd.name()));
        }
    }

    private Chat chatFor(Message m) {
        return chats.ensure(m.getChatId(), languageOf(m.getFrom()).orElse("he"), m.getChat().getType());
    }

    private void onCallback(CallbackQuery q) throws TelegramApiException {
        telegram.execute(AnswerCallbackQuery.builder().callbackQueryId(q.getId()).build());
        String data = q.getData() == null ? "" : q.getData();
        if (!data.startsWith(Replies.LANG_CALLBACK) || q.getMessage() == null) return;
        long chatId = q.getMessage().getChatId();
        chats.ensure(chatId, "he", null);
        setLanguage(chatId, data.substring(Replies.LANG_CALLBACK.length()), "he");
    }

    private void setLanguage(long chatId, String requested, String current) throws TelegramApiException {
        String l = requested.toLowerCase();
        if (!LANGUAGES.contains(l)) {
            replies.send(chatId, current, "lang_usage");
            return;
        }
        chats.setLanguage(chatId, l);
        replies.send(chatId, l, "lang_set");
    }

    private void unsubscribe(long chatId, String lang, Command cmd) throws TelegramApiException {
        Optional<Long> id = Optional.empty();
        String arg = cmd.arg(0).orElse("all");
        if (!arg.equalsIgnoreCase("all")) {
            try {
                id = Optional.of(Long.parseLong(arg.replace("#", "")));
            } catch (NumberFormatException e) {
                replies.send(chatId, lang, "unsubscribe_usage");
                return;
            }
        }
        int removed = chats.unsubscribe(chatId, id);
        if (removed == 0) replies.send(chatId, lang, "unsubscribe_none");
        else replies.send(chatId, lang, "unsubscribed", Map.of("count", removed));
    }

    private void list(long chatId, String lang) throws TelegramApiException {
        List<Subscription> subs = chats.subscriptions(chatId);
        if (subs.isEmpty()) {
            replies.send(chatId, lang, "list_empty");
            return;
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Subscription s : subs) rows.add(Map.of("id", s.id(), "filter", Bidi.isolateLtrRuns(s.filter())));
        replies.send(chatId, lang, "list", Map.of("subs", rows));
    }

    private boolean requireAdmin(Message m, String lang) throws TelegramApiException {
        if (isAdmin(m.getFrom())) return true;
        log.warn("chat={} user={} tried an admin command", m.getChatId(), m.getFrom() == null ? "?" : m.getFrom().getId());
        replies.send(m.getChatId(), lang, "not_admin");
        return false;
    }

    private boolean isAdmin(User u) {
        return u != null && admins.contains(u.getId());
    }

    private void listFeeds(long chatId, String lang) throws TelegramApiException {
        List<Map<String, Object>> rows = new ArrayList<>();
        List<FeedRow> feeds = feedAdmin.feeds();
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
        if (cmd.args().isEmpty()) {
            replies.send(chatId, lang, "addfeed_usage");
            return;
        }
        try {
            FeedAdmin.Added added = feedAdmin.addFeed(cmd.args().get(0), cmd.arg(1), cmd.arg(2), cmd.arg(3));
            replies.send(chatId, lang, "addfeed_ok", Map.of("id", added.def().id(), "items", added.items(),
                    "language", added.def().language(), "interval", Durations.format(added.def().interval())));
        } catch (IllegalArgumentException e) {
            replies.send(chatId, lang, "addfeed_error", Map.of("error", Bidi.isolateLtrRuns(clip(e.getMessage(), 300))));
        }
    }

    static Optional<String> languageOf(User u) {
        if (u == null || u.getLanguageCode() == null) return Optional.empty();
        String code = u.getLanguageCode().toLowerCase();
        if (code.startsWith("he") || code.startsWith("iw")) return Optional.of("he");
        if (code.startsWith("ar")) return Optional.of("ar");
        return Optional.empty();
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
