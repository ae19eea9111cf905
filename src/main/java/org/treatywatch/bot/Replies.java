package org.treatywatch.bot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.LinkPreviewOptions;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;
import org.treatywatch.deliver.Templates;

/** Sends the bot's replies, rendered from templates as Telegram HTML, with inline keyboards where useful. */
final class Replies {
    static final String LANG_CALLBACK = "lang:";
    static final String UNSUBSCRIBE_CALLBACK = "unsub:";
    static final String SEARCH_CALLBACK = "search:";

    private final TelegramClient telegram;
    private final Templates templates;

    Replies(TelegramClient telegram, Templates templates) {
        this.telegram = telegram;
        this.templates = templates;
    }

    void send(long chatId, String lang, String template, Map<String, ?> context) throws TelegramApiException {
        execute(chatId, templates.render(template, lang, context), null);
    }

    void send(long chatId, String lang, String template) throws TelegramApiException {
        send(chatId, lang, template, Map.of());
    }

    /** Sends HTML rendered elsewhere (from templates too). */
    void sendHtml(long chatId, String html) throws TelegramApiException {
        execute(chatId, html, null);
    }

    /** Asks for a language in both languages, with a button for each. */
    void askLanguage(long chatId) throws TelegramApiException {
        List<String> prompts = new java.util.ArrayList<>();
        InlineKeyboardRow row = new InlineKeyboardRow();
        for (String lang : org.treatywatch.text.Language.READERS) {
            prompts.add(templates.render("choose_language", lang, Map.of()).strip());
            row.add(button(render("lang_button", lang, Map.of()), LANG_CALLBACK + lang));
        }
        String text = String.join("\n", prompts);
        execute(chatId, text, new InlineKeyboardMarkup(List.of(row)));
    }

    /** Search results with previous/next buttons (callback data {@code search:<page>}) where there are more pages. */
    void sendPaged(long chatId, String html, String lang, int page, boolean previous, boolean next) throws TelegramApiException {
        InlineKeyboardRow row = new InlineKeyboardRow();
        if (previous) row.add(button(render("search_previous", lang, Map.of()), SEARCH_CALLBACK + (page - 1)));
        if (next) row.add(button(render("search_next", lang, Map.of()), SEARCH_CALLBACK + (page + 1)));
        execute(chatId, html, row.isEmpty() ? null : new InlineKeyboardMarkup(List.of(row)));
    }

    /** The subscription list with a "remove" button under it for each subscription. */
    void sendList(long chatId, String lang, Map<String, ?> context, List<Long> ids) throws TelegramApiException {
        List<InlineKeyboardRow> rows = new ArrayList<>();
        for (long id : ids) rows.add(new InlineKeyboardRow(button(render("remove_button", lang, Map.of("id", id)), UNSUBSCRIBE_CALLBACK + id)));
        execute(chatId, templates.render("list", lang, context), new InlineKeyboardMarkup(rows));
    }

    /** A template rendered for embedding in another reply (already escaped HTML). */
    String render(String template, String lang, Map<String, ?> context) {
        return templates.render(template, lang, context).strip();
    }

    private static InlineKeyboardButton button(String text, String data) {
        return InlineKeyboardButton.builder().text(text).callbackData(data).build();
    }

    /** A file (the feed list export) with a caption from a template. */
    void sendDocument(long chatId, String lang, String fileName, byte[] content, String captionTemplate, Map<String, ?> context)
            throws TelegramApiException {
        telegram.execute(org.telegram.telegrambots.meta.api.methods.send.SendDocument.builder().chatId(chatId)
                .document(new org.telegram.telegrambots.meta.api.objects.InputFile(new java.io.ByteArrayInputStream(content), fileName))
                .caption(templates.render(captionTemplate, lang, context).strip()).parseMode("HTML").build());
    }

    /** The forum topic the command being answered came from, per update-handling thread (null: none). */
    private final ThreadLocal<Long> topic = new ThreadLocal<>();

    void inTopic(Long threadId) {
        if (threadId == null) topic.remove();
        else topic.set(threadId);
    }

    /**
     * Every reply goes out here: one that grows past Telegram's limit (a long feed list, an import
     * report) is sent as several messages, cut at lines ({@link HtmlParts}), the buttons under the last.
     */
    private void execute(long chatId, String html, InlineKeyboardMarkup keyboard) throws TelegramApiException {
        Long thread = topic.get();
        List<String> parts = HtmlParts.split(html.strip());
        for (int i = 0; i < parts.size(); i++) {
            SendMessage.SendMessageBuilder<?, ?> b = SendMessage.builder().chatId(chatId).text(parts.get(i)).parseMode("HTML")
                    .messageThreadId(thread == null ? null : thread.intValue())
                    .linkPreviewOptions(LinkPreviewOptions.builder().isDisabled(true).build());
            if (keyboard != null && i == parts.size() - 1) b.replyMarkup(keyboard);
            sendWaitingOnce(b.build());
        }
    }

    /** Longest wait for Telegram's "retry after" on a reply; a longer one fails the reply. */
    static final int MAX_RETRY_AFTER_SECONDS = 5;

    // A reply of many parts is what meets Telegram's per-chat limit: wait as it says, once, and go on.
    private void sendWaitingOnce(SendMessage message) throws TelegramApiException {
        try {
            telegram.execute(message);
        } catch (TelegramApiRequestException e) {
            Integer after = e.getParameters() == null ? null : e.getParameters().getRetryAfter();
            if (e.getErrorCode() == null || e.getErrorCode() != 429 || after == null || after > MAX_RETRY_AFTER_SECONDS) throw e;
            try {
                Thread.sleep(after * 1000L);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                throw e;
            }
            telegram.execute(message);
        }
    }
}
