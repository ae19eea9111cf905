package org.treatywatch.bot;

import java.time.Clock;
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
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMemberUpdated;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;
import org.treatywatch.deliver.Templates;
import org.treatywatch.store.Chat;
import org.treatywatch.store.ChatStore;

/**
 * Turns Telegram updates into subscriber and admin commands. Every update is handled inside a
 * catch-all: an exception escaping here would silently stop long polling for good. Edited
 * messages and messages without text are ignored; leaving a group and group migrations are followed.
 */
public final class TreatyBot implements LongPollingSingleThreadUpdateConsumer {
    private static final Logger log = LoggerFactory.getLogger(TreatyBot.class);

    private final TelegramClient telegram;
    private final ChatStore chats;
    private final Replies replies;
    private final Set<Long> admins;
    private final SubscriberCommands subscriber;
    private final AdminCommands admin;
    private final CommandRateLimit rateLimit;

    public TreatyBot(TelegramClient telegram, ChatStore chats, Templates templates, Set<Long> admins, AdminActions actions,
                     TimelineSource timeline, long botUserId, Clock clock) {
        this.telegram = telegram;
        this.chats = chats;
        this.replies = new Replies(telegram, templates);
        this.admins = admins;
        ChatPermissions permissions = new ChatPermissions(telegram, botUserId);
        this.subscriber = new SubscriberCommands(chats, replies, permissions, timeline, clock);
        this.admin = new AdminCommands(actions, replies);
        this.rateLimit = new CommandRateLimit(clock);
    }

    @Override
    public void consume(Update update) {
        replies.inTopic(null); // only a topic message's command is answered in its topic
        try {
            if (update.hasCallbackQuery()) onCallback(update.getCallbackQuery());
            else if (update.hasMessage()) onMessage(update.getMessage());
            else if (update.getMyChatMember() != null) onMembership(update.getMyChatMember());
            // edited messages, channel posts and the rest need no answer
        } catch (Throwable e) {
            log.error("update {} failed: {}", update.getUpdateId(), e.getMessage(), e);
        }
    }

    private void onMessage(Message m) throws TelegramApiException {
        if (m.getMigrateToChatId() != null) {
            chats.migrate(m.getChatId(), m.getMigrateToChatId());
            log.info("chat={} migrated to {}", m.getChatId(), m.getMigrateToChatId());
            return;
        }
        if (m.hasDocument() && m.getFrom() != null) {
            onDocument(m);
            return;
        }
        if (!m.hasText() || m.getFrom() == null) return;
        Optional<Command> parsed = Command.parse(m.getText());
        long chatId = m.getChatId();
        String type = m.getChat().getType();
        Optional<String> userLang = languageOf(m.getFrom());
        long userId = m.getFrom().getId();
        // the flood limit comes before any reply: plain text counts like a command
        CommandRateLimit.Verdict verdict = rateLimit.take(userId);
        if (parsed.isEmpty() && !"private".equals(type)) return;
        boolean isNew = chats.get(chatId).isEmpty();
        Chat chat = chats.ensure(chatId, userLang.orElse(org.treatywatch.text.Language.DEFAULT_READER), type);
        if (verdict != CommandRateLimit.Verdict.OK) {
            log.warn("chat={} user={} is sending too fast", chatId, userId);
            if (verdict == CommandRateLimit.Verdict.REFUSE_WITH_REPLY) replies.send(chatId, chat.language(), "too_fast");
            return;
        }
        if (parsed.isEmpty()) {
            replies.send(chatId, chat.language(), "help", Map.of("admin", isAdmin(m.getFrom())));
            return;
        }
        Command cmd = parsed.get();
        log.info("chat={} command /{}", chatId, cmd.name());
        // A command sent inside a forum topic is answered there, and its subscription delivers there.
        Long thread = Boolean.TRUE.equals(m.getIsTopicMessage()) && m.getMessageThreadId() != null ? (long) m.getMessageThreadId() : null;
        Request req = new Request(chatId, type, userId, userLang, chat, isNew, cmd, thread);
        replies.inTopic(thread);
        Optional<String> problem = InputRules.problem(cmd);
        if (problem.isPresent()) {
            replies.send(chatId, req.lang(), "bad_input", Map.of(problem.get(), true));
            return;
        }
        if (AdminCommands.NAMES.contains(cmd.name())) {
            if (!isAdmin(m.getFrom())) {
                log.warn("chat={} user={} tried /{} without admin rights", chatId, userId, cmd.name());
                replies.send(chatId, req.lang(), "not_admin");
                return;
            }
            admin.handle(req);
        } else if (!subscriber.handle(req, isAdmin(m.getFrom()))) {
            replies.send(chatId, req.lang(), "unknown_command", Map.of("command", "/" + cmd.name()));
        }
    }

    /** An admin's OPML file (sent in a private chat) is imported; anyone else's file gets no action. */
    private void onDocument(Message m) throws TelegramApiException {
        long chatId = m.getChatId();
        if (!"private".equals(m.getChat().getType())) return;
        if (rateLimit.take(m.getFrom().getId()) != CommandRateLimit.Verdict.OK) return;
        Chat chat = chats.ensure(chatId, languageOf(m.getFrom()).orElse(org.treatywatch.text.Language.DEFAULT_READER), "private");
        if (!isAdmin(m.getFrom())) {
            replies.send(chatId, chat.language(), "not_admin");
            return;
        }
        org.telegram.telegrambots.meta.api.objects.Document doc = m.getDocument();
        if (doc.getFileSize() != null && doc.getFileSize() > org.treatywatch.config.Opml.MAX_BYTES) {
            replies.send(chatId, chat.language(), "import_too_big");
            return;
        }
        byte[] bytes;
        org.telegram.telegrambots.meta.api.objects.File file = telegram.execute(new org.telegram.telegrambots.meta.api.methods.GetFile(doc.getFileId()));
        try {
            bytes = files.read(file.getFilePath(), org.treatywatch.config.Opml.MAX_BYTES);
        } catch (java.io.IOException e) {
            log.warn("chat={} file not read: {}", chatId, e.getMessage());
            replies.send(chatId, chat.language(), "import_too_big");
            return;
        }
        log.info("chat={} admin sent a feed list ({} bytes)", chatId, bytes.length);
        String opml = org.treatywatch.config.Opml.text(bytes);
        // An import fetches every feed once: it runs beside the update loop, which goes on serving everyone.
        imports.execute(() -> {
            try {
                admin.importFeeds(chatId, chat.language(), opml);
            } catch (TelegramApiException | RuntimeException e) {
                log.error("chat={} feed list import failed: {}", chatId, e.getMessage(), e);
            }
        });
    }

    private final java.util.concurrent.ExecutorService imports = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "feed-import");
        t.setDaemon(true);
        return t;
    });

    /** Reads a file users sent, from the Bot API the bot talks to. */
    @FunctionalInterface
    public interface Files {
        byte[] read(String filePath, long maxBytes) throws java.io.IOException;
    }

    private Files files = (path, max) -> {
        throw new java.io.IOException("files are not read here");
    };

    /** The archive search behind /search. */
    public TreatyBot withSearch(SearchSource search) {
        subscriber.withSearch(search);
        return this;
    }

    /** Where sent files are downloaded from (the service's Bot API connection). */
    public TreatyBot withFiles(Files files) {
        this.files = files;
        return this;
    }

    /**
     * A button press counts like a command, and the flood limit comes before even the answer: every
     * answer is a Bot API call on the one update thread, so a flood answered in full delays everyone.
     * A refused press is left unanswered (Telegram's spinner times out by itself).
     */
    private void onCallback(CallbackQuery q) throws TelegramApiException {
        if (q.getFrom() == null) return;
        long userId = q.getFrom().getId();
        CommandRateLimit.Verdict verdict = rateLimit.take(userId);
        if (verdict != CommandRateLimit.Verdict.OK) {
            log.warn("user={} is pressing buttons too fast", userId);
            if (verdict == CommandRateLimit.Verdict.REFUSE_WITH_REPLY && q.getMessage() != null) {
                long chatId = q.getMessage().getChatId();
                String lang = chats.get(chatId).map(Chat::language).orElse(org.treatywatch.text.Language.DEFAULT_READER);
                replies.send(chatId, lang, "too_fast");
            }
            return;
        }
        telegram.execute(AnswerCallbackQuery.builder().callbackQueryId(q.getId()).build());
        if (q.getMessage() == null) return;
        subscriber.onButton(q.getMessage().getChatId(), userId, q.getData() == null ? "" : q.getData());
    }

    private void onMembership(ChatMemberUpdated u) {
        String status = u.getNewChatMember() == null ? "" : u.getNewChatMember().getStatus();
        long chatId = u.getChat().getId();
        if (status.equals("kicked") || status.equals("left")) {
            chats.deactivate(chatId);
            log.info("chat={} removed the bot; deliveries stop", chatId);
        } else if (status.equals("member") || status.equals("administrator")) {
            if (chats.get(chatId).isPresent()) chats.activate(chatId);
        }
    }

    /**
     * Tells every admin (in a private chat, in the language they chose) what an automatic reload of
     * feeds.yaml or the templates found wrong; admins who never started the bot are skipped.
     */
    public void tellAdminsAboutReload(int feeds, java.util.List<String> errors) {
        java.util.List<String> shown = errors.stream()
                .map(e -> org.treatywatch.text.Bidi.isolateLtrRuns(org.treatywatch.text.OneLine.of(e, AdminCommands.MAX_ERROR_CHARS))).toList();
        for (long admin : admins) {
            String lang = chats.get(admin).map(Chat::language).orElse(org.treatywatch.text.Language.DEFAULT_READER);
            try {
                replies.send(admin, lang, "reload_done", Map.of("feeds", feeds, "errors", shown));
            } catch (TelegramApiException | RuntimeException e) {
                log.warn("could not tell admin {} about the reload: {}", admin, e.getMessage());
            }
        }
    }

    private boolean isAdmin(User u) {
        return u != null && admins.contains(u.getId());
    }

    static Optional<String> languageOf(User u) {
        if (u == null || u.getLanguageCode() == null) return Optional.empty();
        String code = u.getLanguageCode().toLowerCase();
        if (code.startsWith(org.treatywatch.text.Language.HE) || code.startsWith("iw")) return Optional.of(org.treatywatch.text.Language.HE); // "iw" is Hebrew's old code
        if (code.startsWith(org.treatywatch.text.Language.AR)) return Optional.of(org.treatywatch.text.Language.AR);
        return Optional.empty();
    }
}
