package org.treatywatch.bot;

import java.util.Optional;
import org.treatywatch.store.Chat;

/** One command as received: where (and in which forum topic, if any), from whom, in what language, and what it says. */
record Request(long chatId, String chatType, long userId, Optional<String> userLanguage, Chat chat, boolean newChat,
               Command command, Long threadId) {
    String lang() {
        return chat.language();
    }

    boolean isPrivate() {
        return "private".equals(chatType);
    }

    boolean isGroup() {
        return "group".equals(chatType) || "supergroup".equals(chatType);
    }
}
