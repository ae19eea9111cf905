package org.treatywatch.bot;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Cuts a Telegram HTML reply into messages Telegram accepts (4,096 characters each): at line
 * breaks where it can, else between words, never inside a tag or an entity; a tag open at a cut is
 * closed at the end of one part and opened again at the start of the next, so every part is valid
 * HTML. Only a single word longer than a whole message is cut inside (at a character boundary).
 */
final class HtmlParts {
    /** Telegram's limit for a message's text; counted here before entities are parsed, which is stricter. */
    static final int MAX_CHARS = 4096;

    private HtmlParts() {}

    static List<String> split(String html) {
        return split(html, MAX_CHARS);
    }

    static List<String> split(String html, int max) {
        if (html.length() <= max) return List.of(html);
        Builder b = new Builder(max);
        for (String line : lines(html)) b.addLine(line);
        return b.finish();
    }

    // Each line keeps its '\n', so parts joined back give the reply.
    private static List<String> lines(String html) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < html.length(); i++) {
            if (html.charAt(i) == '\n') {
                out.add(html.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < html.length()) out.add(html.substring(start));
        return out;
    }

    /** The pieces a line may be cut between: a tag, an entity, a run of spaces, or a word. */
    static List<String> atoms(String line) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            int end;
            if (c == '<') {
                int close = line.indexOf('>', i);
                end = close < 0 ? line.length() : close + 1;
            } else if (c == '&') {
                int semi = line.indexOf(';', i);
                end = semi < 0 || semi - i > 12 ? i + 1 : semi + 1;
            } else if (Character.isWhitespace(c)) {
                end = i + 1;
                while (end < line.length() && Character.isWhitespace(line.charAt(end))) end++;
            } else {
                end = i + 1;
                while (end < line.length() && !Character.isWhitespace(line.charAt(end)) && line.charAt(end) != '<') end++;
            }
            out.add(line.substring(i, end));
            i = end;
        }
        return out;
    }

    private static final class Builder {
        private final int max;
        private final List<String> parts = new ArrayList<>();
        private final StringBuilder current = new StringBuilder();
        /** Tags open at this point of the reply, outermost first: {@code <a href="…">} and its name. */
        private final Deque<String[]> open = new ArrayDeque<>();

        Builder(int max) {
            this.max = max;
        }

        void addLine(String line) {
            if (fits(line)) {
                append(line);
                return;
            }
            if (hasText()) cut();
            if (fits(line)) {
                append(line);
                return;
            }
            for (String atom : atoms(line)) addAtom(atom);
        }

        private void addAtom(String atom) {
            if (fits(atom)) {
                append(atom);
                return;
            }
            if (atom.isBlank()) { // a cut between words eats the space there
                cut();
                return;
            }
            if (hasText()) cut();
            if (fits(atom)) {
                append(atom);
                return;
            }
            if (atom.startsWith("<") || atom.startsWith("&")) { // a tag longer than a message: Telegram refuses it anyway
                return;
            }
            // one word longer than a whole message
            int i = 0;
            while (i < atom.length()) {
                int room = Math.max(1, max - current.length() - closingLength());
                int end = Math.min(atom.length(), i + room);
                if (end < atom.length() && Character.isHighSurrogate(atom.charAt(end - 1))) end--;
                if (end <= i) end = i + 1;
                current.append(atom, i, end);
                i = end;
                if (i < atom.length()) cut();
            }
        }

        /** Whether s can go on this part with every tag still open after it closed at the part's end. */
        private boolean fits(String s) {
            if (current.length() + s.length() > max) return false;
            Deque<String[]> after = new ArrayDeque<>(open);
            for (String atom : atoms(s)) track(after, atom);
            return current.length() + s.length() + closingLength(after) <= max;
        }

        private void append(String s) {
            current.append(s);
            for (String atom : atoms(s)) track(open, atom);
        }

        private static void track(Deque<String[]> open, String atom) {
            if (!atom.startsWith("<")) return;
            String name = tagName(atom);
            if (name.isEmpty()) return;
            if (atom.startsWith("</")) {
                // close the innermost tag of that name (Telegram's HTML is well nested)
                var it = open.descendingIterator();
                while (it.hasNext()) {
                    if (it.next()[1].equals(name)) {
                        it.remove();
                        break;
                    }
                }
            } else if (!atom.endsWith("/>")) {
                open.addLast(new String[] {atom, name});
            }
        }

        private int closingLength() {
            return closingLength(open);
        }

        private static int closingLength(Deque<String[]> open) {
            int n = 0;
            for (String[] t : open) n += t[1].length() + 3;
            return n;
        }

        private boolean hasText() {
            return !current.toString().replaceAll("<[^>]*>", "").isBlank();
        }

        /** Ends this part (closing what is open) and starts the next with the same tags opened again. */
        private void cut() {
            if (!hasText()) return;
            StringBuilder part = new StringBuilder(current);
            var it = open.descendingIterator();
            while (it.hasNext()) part.append("</").append(it.next()[1]).append('>');
            parts.add(part.toString().strip());
            current.setLength(0);
            for (String[] t : open) current.append(t[0]);
        }

        List<String> finish() {
            if (hasText()) {
                StringBuilder part = new StringBuilder(current);
                var it = open.descendingIterator();
                while (it.hasNext()) part.append("</").append(it.next()[1]).append('>');
                parts.add(part.toString().strip());
            }
            return List.copyOf(parts);
        }

        private static String tagName(String tag) {
            int i = tag.startsWith("</") ? 2 : 1;
            int j = i;
            while (j < tag.length() && (Character.isLetterOrDigit(tag.charAt(j)) || tag.charAt(j) == '-')) j++;
            return tag.substring(i, j).toLowerCase(java.util.Locale.ROOT);
        }
    }
}
