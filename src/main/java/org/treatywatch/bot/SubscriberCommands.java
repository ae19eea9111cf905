package org.treatywatch.bot;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.chat.ChatFullInfo;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.treatywatch.config.Durations;
import org.treatywatch.store.ChatStore;
import org.treatywatch.store.Subscription;
import org.treatywatch.text.Bidi;

/** Commands for subscribers in private chats, groups (admins only for changes) and linked channels. */
final class SubscriberCommands {
    private static final Logger log = LoggerFactory.getLogger(SubscriberCommands.class);
    private static final Set<String> LANGUAGES = Set.copyOf(org.treatywatch.text.Language.READERS);
    /** Commands that change a group's settings; in groups only its admins may use them. */
    private static final Set<String> CHANGING = Set.of("lang", "subscribe", "unsubscribe", "mute", "unmute", "digest", "tz", "stop");
    private static final Set<String> NO_ARGUMENTS = Set.of("help", "list", "unmute", "stop", "timeline");
    private static final Pattern HH_MM = Pattern.compile("([01]?\\d|2[0-3]):([0-5]\\d)");
    private static final Duration MAX_MUTE = Duration.ofDays(30);

    private final ChatStore chats;
    private final Replies replies;
    private final ChatPermissions permissions;
    private final Clock clock;
    private final TimelineSource timeline;

    SubscriberCommands(ChatStore chats, Replies replies, ChatPermissions permissions, TimelineSource timeline, Clock clock) {
        this.timeline = timeline;
        this.chats = chats;
        this.replies = replies;
        this.permissions = permissions;
        this.clock = clock;
    }

    /** Handles the command if it is a subscriber command; false if unknown. */
    boolean handle(Request r, boolean botAdmin) throws TelegramApiException {
        Command cmd = r.command();
        String name = cmd.name();
        if (!Set.of("start", "help", "lang", "subscribe", "unsubscribe", "list", "mute", "unmute", "digest", "tz", "stop",
                "addchannel", "timeline", "search").contains(name)) {
            return false;
        }
        if (NO_ARGUMENTS.contains(name) && !cmd.args().isEmpty()) {
            replies.send(r.chatId(), r.lang(), "usage", Map.of("extra", true, "command", name));
            return true;
        }
        if (r.isGroup() && CHANGING.contains(name) && !permissions.isChatAdmin(r.chatId(), r.userId())) {
            replies.send(r.chatId(), r.lang(), "group_admin_only");
            return true;
        }
        switch (name) {
            case "start" -> {
                if (r.newChat() && r.userLanguage().isEmpty()) replies.askLanguage(r.chatId());
                else replies.send(r.chatId(), r.lang(), "start");
            }
            case "help" -> replies.send(r.chatId(), r.lang(), "help", Map.of("admin", botAdmin));
            case "lang" -> {
                if (cmd.args().isEmpty()) replies.askLanguage(r.chatId());
                else if (cmd.args().size() > 1) replies.send(r.chatId(), r.lang(), "lang_usage");
                else setLanguage(r.chatId(), cmd.args().get(0), r.lang());
            }
            case "subscribe" -> subscribe(r);
            case "unsubscribe" -> unsubscribe(r);
            case "list" -> list(r.chatId(), r.lang());
            case "mute" -> mute(r);
            case "unmute" -> {
                chats.setMutedUntil(r.chatId(), null);
                replies.send(r.chatId(), r.lang(), "unmuted");
            }
            case "digest" -> digest(r);
            case "tz" -> timeZone(r);
            case "timeline" -> replies.sendHtml(r.chatId(), timeline.render(r.lang()));
            case "search" -> search(r);
            case "stop" -> {
                chats.delete(r.chatId());
                log.info("chat={} stopped; its data was deleted", r.chatId());
                replies.send(r.chatId(), r.lang(), "stopped");
            }
            default -> addChannel(r);
        }
        return true;
    }

    /** Inline buttons: language choice and "remove" under /list. */
    void onButton(long chatId, long userId, String data) throws TelegramApiException {
        String lang = chats.get(chatId).map(c -> c.language()).orElse(org.treatywatch.text.Language.DEFAULT_READER);
        if (data.startsWith(Replies.SEARCH_CALLBACK)) { // anyone may page through results, in groups too
            String words = lastSearch.get(chatId);
            try {
                if (words != null) sendResults(chatId, lang, words, Integer.parseInt(data.substring(Replies.SEARCH_CALLBACK.length())));
            } catch (NumberFormatException e) {
                log.debug("chat={} bad search page {}", chatId, data);
            }
            return;
        }
        boolean group = chatId < 0;
        if (group && !permissions.isChatAdmin(chatId, userId)) {
            replies.send(chatId, lang, "group_admin_only");
            return;
        }
        if (data.startsWith(Replies.LANG_CALLBACK)) {
            chats.ensure(chatId, org.treatywatch.text.Language.DEFAULT_READER, null);
            setLanguage(chatId, data.substring(Replies.LANG_CALLBACK.length()), lang);
        } else if (data.startsWith(Replies.UNSUBSCRIBE_CALLBACK)) {
            try {
                long id = Long.parseLong(data.substring(Replies.UNSUBSCRIBE_CALLBACK.length()));
                if (chats.unsubscribe(chatId, Optional.of(id)) > 0) replies.send(chatId, lang, "list_removed", Map.of("id", id));
                else replies.send(chatId, lang, "unsubscribe_none");
            } catch (NumberFormatException e) {
                replies.send(chatId, lang, "unsubscribe_none");
            }
        }
    }

    /** The last words each chat searched for, so the page buttons need only a page number (64-byte callback data). */
    private final Map<Long, String> lastSearch = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int MAX_REMEMBERED_SEARCHES = 10_000;
    private SearchSource search = (words, page, lang) -> new SearchSource.Page("", 1, false, false);

    SubscriberCommands withSearch(SearchSource search) {
        this.search = search;
        return this;
    }

    private void search(Request r) throws TelegramApiException {
        String words = String.join(" ", r.command().args()).strip();
        if (words.isEmpty()) {
            replies.send(r.chatId(), r.lang(), "search_usage");
            return;
        }
        if (lastSearch.size() > MAX_REMEMBERED_SEARCHES) lastSearch.clear();
        lastSearch.put(r.chatId(), words);
        sendResults(r.chatId(), r.lang(), words, 1);
    }

    private void sendResults(long chatId, String lang, String words, int page) throws TelegramApiException {
        SearchSource.Page p = search.search(words, Math.max(1, Math.min(page, 1000)), lang);
        replies.sendPaged(chatId, p.html(), lang, p.page(), p.previous(), p.next());
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

    private void subscribe(Request r) throws TelegramApiException {
        Command cmd = r.command();
        if (cmd.args().isEmpty()) {
            ChatStore.Added added = chats.subscribe(r.chatId(), null, r.threadId());
            replies.send(r.chatId(), r.lang(), switch (added) {
                case ADDED -> "subscribed";
                case EXISTS -> "already_subscribed";
                case LIMIT -> "subscribe_limit";
            });
            return;
        }
        if (!InputRules.validFilter(cmd)) {
            replies.send(r.chatId(), r.lang(), "bad_input", Map.of("bad_chars", true));
            return;
        }
        String filter = String.join(" ", cmd.args());
        switch (chats.subscribe(r.chatId(), filter, r.threadId())) {
            case LIMIT -> replies.send(r.chatId(), r.lang(), "subscribe_limit");
            case EXISTS -> replies.send(r.chatId(), r.lang(), "already_subscribed");
            case ADDED -> {
                long id = chats.subscriptions(r.chatId()).stream().filter(s -> filter.equals(s.filter()))
                        .mapToLong(Subscription::id).max().orElse(0);
                replies.send(r.chatId(), r.lang(), "subscribed_filter", Map.of("filter", Bidi.isolateLtrRuns(filter), "id", id));
            }
        }
    }

    private void unsubscribe(Request r) throws TelegramApiException {
        Command cmd = r.command();
        if (cmd.args().size() > 1) {
            replies.send(r.chatId(), r.lang(), "unsubscribe_usage");
            return;
        }
        Optional<Long> id = Optional.empty();
        String arg = cmd.arg(0).orElse("all");
        if (!arg.equalsIgnoreCase("all")) {
            try {
                id = Optional.of(Long.parseLong(arg.replace("#", "")));
            } catch (NumberFormatException e) {
                replies.send(r.chatId(), r.lang(), "unsubscribe_usage");
                return;
            }
        }
        int removed = chats.unsubscribe(r.chatId(), id);
        if (removed == 0) replies.send(r.chatId(), r.lang(), "unsubscribe_none");
        else replies.send(r.chatId(), r.lang(), "unsubscribed", Map.of("count", removed));
    }

    private void list(long chatId, String lang) throws TelegramApiException {
        List<Subscription> subs = chats.subscriptions(chatId);
        if (subs.isEmpty()) {
            replies.send(chatId, lang, "list_empty");
            return;
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        for (Subscription s : subs) {
            rows.add(Map.of("id", s.id(), "filter", Bidi.isolateLtrRuns(s.filter()),
                    "topic", s.threadId() == null ? "" : Bidi.FSI + "#" + s.threadId() + Bidi.PDI));
            ids.add(s.id());
        }
        replies.sendList(chatId, lang, Map.of("subs", rows), ids);
    }

    private void mute(Request r) throws TelegramApiException {
        Command cmd = r.command();
        Duration d;
        try {
            if (cmd.args().size() != 1) throw new IllegalArgumentException();
            d = Durations.parse(cmd.args().get(0));
            if (d.isZero() || d.compareTo(MAX_MUTE) > 0) throw new IllegalArgumentException();
        } catch (IllegalArgumentException e) {
            replies.send(r.chatId(), r.lang(), "usage", Map.of("mute", true));
            return;
        }
        var until = clock.instant().plus(d);
        chats.setMutedUntil(r.chatId(), until);
        String shown = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone(r.chat().timeZone())).format(until);
        replies.send(r.chatId(), r.lang(), "mute_set", Map.of("until", Bidi.FSI + shown + Bidi.PDI));
    }

    private void digest(Request r) throws TelegramApiException {
        Command cmd = r.command();
        String arg = cmd.args().size() == 1 ? cmd.args().get(0).toLowerCase() : "";
        if (arg.equals("off")) {
            chats.setDigest(r.chatId(), null, clock.instant());
            replies.send(r.chatId(), r.lang(), "digest_off");
            return;
        }
        var m = HH_MM.matcher(arg);
        if (!m.matches()) {
            replies.send(r.chatId(), r.lang(), "usage", Map.of("digest", true));
            return;
        }
        String time = String.format("%02d:%s", Integer.parseInt(m.group(1)), m.group(2));
        chats.setDigest(r.chatId(), time, clock.instant());
        replies.send(r.chatId(), r.lang(), "digest_set", Map.of("time", Bidi.FSI + time + Bidi.PDI,
                "zone", Bidi.FSI + r.chat().timeZone() + Bidi.PDI));
    }

    private void timeZone(Request r) throws TelegramApiException {
        Command cmd = r.command();
        try {
            if (cmd.args().size() != 1) throw new DateTimeException("one zone");
            String zone = ZoneId.of(cmd.args().get(0)).getId();
            chats.setTimeZone(r.chatId(), zone);
            replies.send(r.chatId(), r.lang(), "tz_set", Map.of("zone", Bidi.FSI + zone + Bidi.PDI));
        } catch (DateTimeException e) {
            replies.send(r.chatId(), r.lang(), "usage", Map.of("tz", true));
        }
    }

    /** Links a channel the user administers and where the bot may post. */
    private void addChannel(Request r) throws TelegramApiException {
        Command cmd = r.command();
        if (cmd.args().size() != 1 || !cmd.args().get(0).matches("@[A-Za-z][A-Za-z0-9_]{3,31}")) {
            replies.send(r.chatId(), r.lang(), "usage", Map.of("addchannel", true));
            return;
        }
        String name = cmd.args().get(0);
        Map<String, Object> ctx = new java.util.HashMap<>();
        ctx.put("channel", Bidi.FSI + name + Bidi.PDI);
        Optional<ChatFullInfo> channel = permissions.channel(name);
        if (channel.isEmpty()) ctx.put("not_found", true);
        else if (!permissions.isChatAdmin(name, r.userId())) ctx.put("not_admin", true);
        else if (!permissions.botIsAdmin(name)) ctx.put("bot_cannot_post", true);
        if (ctx.size() > 1) {
            replies.send(r.chatId(), r.lang(), "channel_error", ctx);
            return;
        }
        long channelId = channel.get().getId();
        chats.ensure(channelId, r.lang(), "channel");
        chats.subscribe(channelId, null);
        log.info("chat={} linked channel {} ({})", r.chatId(), name, channelId);
        replies.send(r.chatId(), r.lang(), "channel_added", ctx);
    }

    private static ZoneId zone(String id) {
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            return ZoneId.of("UTC");
        }
    }
}
