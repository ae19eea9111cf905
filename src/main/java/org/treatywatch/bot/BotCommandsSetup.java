package org.treatywatch.bot;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScopeChat;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScopeDefault;
import org.telegram.telegrambots.meta.generics.TelegramClient;
import org.treatywatch.deliver.Templates;

/** Publishes the command menu per language (he, ar, and the default) and a longer one for each admin. */
public final class BotCommandsSetup {
    private static final Logger log = LoggerFactory.getLogger(BotCommandsSetup.class);

    private BotCommandsSetup() {}

    public static void publish(TelegramClient telegram, Templates templates, Iterable<Long> admins) {
        try {
            for (String lang : org.treatywatch.text.Language.READERS) {
                telegram.execute(SetMyCommands.builder().commands(commands(templates, "commands", lang))
                        .scope(new BotCommandScopeDefault()).languageCode(lang).build());
            }
            telegram.execute(SetMyCommands.builder().commands(commands(templates, "commands", org.treatywatch.text.Language.DEFAULT_READER))
                    .scope(new BotCommandScopeDefault()).build());
            for (Long admin : admins) {
                List<BotCommand> all = new ArrayList<>(commands(templates, "commands", org.treatywatch.text.Language.DEFAULT_READER));
                all.addAll(commands(templates, "admin_commands", org.treatywatch.text.Language.DEFAULT_READER));
                telegram.execute(SetMyCommands.builder().commands(all).scope(new BotCommandScopeChat(String.valueOf(admin))).build());
            }
        } catch (Exception e) {
            log.warn("could not publish the command menu: {}", e.getMessage());
        }
    }

    /** Lines "name - description" from a template. */
    static List<BotCommand> commands(Templates templates, String template, String lang) {
        List<BotCommand> out = new ArrayList<>();
        for (String line : templates.render(template, lang, java.util.Map.of()).split("\\R")) {
            String[] parts = line.split("\\s+-\\s+", 2);
            if (parts.length == 2 && !parts[0].isBlank()) out.add(new BotCommand(parts[0].strip(), parts[1].strip()));
        }
        return out;
    }
}
