package org.treatywatch.bot;

import java.util.Map;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.LinkPreviewOptions;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;
import org.treatywatch.deliver.Templates;

/** Sends the bot's replies, rendered from templates as Telegram HTML. */
final class Replies {
    static final String LANG_CALLBACK = "lang:";

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

    /** Asks for a language in both languages, with a button for each. */
    void askLanguage(long chatId) throws TelegramApiException {
        String text = templates.render("choose_language", "he", Map.of()).strip() + "\n"
                + templates.render("choose_language", "ar", Map.of()).strip();
        InlineKeyboardRow row = new InlineKeyboardRow(
                button("he"), button("ar"));
        execute(chatId, text, new InlineKeyboardMarkup(java.util.List.of(row)));
    }

    String render(String template, String lang) {
        return templates.render(template, lang, Map.of());
    }

    private InlineKeyboardButton button(String lang) {
        return InlineKeyboardButton.builder().text(templates.render("lang_button", lang, Map.of()).strip())
                .callbackData(LANG_CALLBACK + lang).build();
    }

    private void execute(long chatId, String html, InlineKeyboardMarkup keyboard) throws TelegramApiException {
        SendMessage.SendMessageBuilder<?, ?> b = SendMessage.builder().chatId(chatId).text(html.strip()).parseMode("HTML")
                .linkPreviewOptions(LinkPreviewOptions.builder().isDisabled(true).build());
        if (keyboard != null) b.replyMarkup(keyboard);
        telegram.execute(b.build());
    }
}
