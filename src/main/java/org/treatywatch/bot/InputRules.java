package org.treatywatch.bot;

import java.util.Optional;
import java.util.regex.Pattern;

/** What a user may type as command arguments; anything else is refused before it touches storage. */
final class InputRules {
    static final int MAX_CHARS = 200;
    static final int MAX_WORDS = 20;
    /** Telegram's own limit for a command's name. */
    static final int MAX_COMMAND_CHARS = 32;
    private static final Pattern BIDI_CONTROLS = Pattern.compile("[\\u202A-\\u202E\\u2066-\\u2069\\u200E\\u200F\\u061C]");
    /** A filter word: letters, digits and inner marks (geresh, gershayim, hyphen), optionally -word or @feed-id. */
    private static final Pattern FILTER_WORD = Pattern.compile("[-@]?[\\p{L}\\p{M}\\p{N}]+(?:['\"׳״\\-][\\p{L}\\p{M}\\p{N}]+)*");

    private InputRules() {}

    /** The name of the problem (a flag in bad_input), if any. */
    static Optional<String> problem(Command cmd) {
        if (cmd.rawArgs().length() > MAX_CHARS || cmd.name().length() > MAX_COMMAND_CHARS) return Optional.of("too_long");
        if (cmd.args().size() > MAX_WORDS) return Optional.of("too_many");
        if (BIDI_CONTROLS.matcher(cmd.rawArgs()).find()) return Optional.of("rtl_controls");
        return Optional.empty();
    }

    static boolean validFilter(Command cmd) {
        for (String w : cmd.args()) if (!FILTER_WORD.matcher(w).matches()) return false;
        return true;
    }
}
