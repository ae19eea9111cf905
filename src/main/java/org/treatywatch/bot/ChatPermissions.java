package org.treatywatch.bot;

import java.util.Optional;
import org.telegram.telegrambots.meta.api.methods.groupadministration.GetChat;
import org.telegram.telegrambots.meta.api.methods.groupadministration.GetChatMember;
import org.telegram.telegrambots.meta.api.objects.chat.ChatFullInfo;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMember;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/** Asks Telegram who may do what: group admins, channel admins, whether the bot can post. */
final class ChatPermissions {
    private final TelegramClient telegram;
    private final long botUserId;

    ChatPermissions(TelegramClient telegram, long botUserId) {
        this.telegram = telegram;
        this.botUserId = botUserId;
    }

    boolean isChatAdmin(long chatId, long userId) throws TelegramApiException {
        return isAdminStatus(status(String.valueOf(chatId), userId));
    }

    Optional<ChatFullInfo> channel(String name) {
        try {
            ChatFullInfo c = telegram.execute(GetChat.builder().chatId(name).build());
            return c != null && "channel".equals(c.getType()) ? Optional.of(c) : Optional.empty();
        } catch (TelegramApiException e) {
            return Optional.empty();
        }
    }

    boolean isChatAdmin(String chat, long userId) throws TelegramApiException {
        return isAdminStatus(status(chat, userId));
    }

    boolean botIsAdmin(String chat) throws TelegramApiException {
        return isAdminStatus(status(chat, botUserId));
    }

    private String status(String chat, long userId) throws TelegramApiException {
        ChatMember m = telegram.execute(GetChatMember.builder().chatId(chat).userId(userId).build());
        return m == null ? "" : m.getStatus();
    }

    private static boolean isAdminStatus(String status) {
        return status.equals("creator") || status.equals("administrator");
    }
}
