package org.treatywatch.bot;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A parsed "/name@bot arg1 arg2" message. */
record Command(String name, List<String> args, String rawArgs) {
    static final int MAX_ARGS_CHARS = 200;
    static final int MAX_ARGS = 20;

    static Optional<Command> parse(String text) {
        if (text == null) return Optional.empty();
        String t = text.strip();
        if (!t.startsWith("/") || t.length() < 2) return Optional.empty();
        String[] headAndRest = t.split("\\s+", 2);
        String head = headAndRest[0].substring(1);
        int at = head.indexOf('@');
        if (at >= 0) head = head.substring(0, at);
        String rest = headAndRest.length > 1 ? headAndRest[1].strip() : "";
        List<String> args = rest.isEmpty() ? List.of() : List.of(rest.split("\\s+"));
        return Optional.of(new Command(head.toLowerCase(Locale.ROOT), args, rest));
    }

    Optional<String> arg(int i) {
        return i < args.size() ? Optional.of(args.get(i)) : Optional.empty();
    }
}
