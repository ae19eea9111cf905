package org.treatywatch.deliver;

import com.samskivert.mustache.Escapers;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The message templates, {@code <name>.<lang>.mustache}, read from the templates folder so
 * maintainers can change wording without a build. A missing file, or one with a syntax error
 * (reported with file and line), falls back to the copy built into the jar.
 */
public final class Templates {
    private static final Logger log = LoggerFactory.getLogger(Templates.class);
    /** Telegram's HTML parse mode knows only these entities. */
    private static final Mustache.Compiler COMPILER = Mustache.compiler()
            .withEscaper(Escapers.simple(new String[][] {{"&", "&amp;"}, {"<", "&lt;"}, {">", "&gt;"}, {"\"", "&quot;"}}))
            .defaultValue("")
            .emptyStringIsFalse(true)
            .zeroIsFalse(true);

    private static final Pattern LINE = Pattern.compile("@ line (\\d+)");

    private final Path dir;
    private final Map<String, Template> cache = new ConcurrentHashMap<>();

    public Templates(Path dir) {
        this.dir = dir;
    }

    /** Compiles every template in the folder now, so a syntax error is reported at startup; returns the errors. */
    public List<String> check() {
        List<String> errors = new ArrayList<>();
        if (!Files.isDirectory(dir)) return errors;
        try (var files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".mustache")).sorted().toList()) {
                try {
                    COMPILER.compile(Files.readString(p, StandardCharsets.UTF_8));
                } catch (MustacheException | IOException e) {
                    errors.add(describe(p.getFileName().toString(), e));
                }
            }
        } catch (IOException e) {
            errors.add("templates: cannot list " + dir + ": " + e.getMessage());
        }
        errors.forEach(e -> log.error("{} — the built-in template will be used", e));
        return errors;
    }

    /** "templates/alert.he.mustache:3: Section close tag ..." */
    static String describe(String file, Exception e) {
        String msg = String.valueOf(e.getMessage());
        Matcher m = LINE.matcher(msg);
        return "templates/" + file + (m.find() ? ":" + m.group(1) : "") + ": " + msg;
    }

    public String render(String name, String lang, Map<String, ?> context) {
        return template(name, lang).execute(CountForms.added(context));
    }

    /** Forgets compiled templates so edited files are read again. */
    public void reload() {
        cache.clear();
    }

    private Template template(String name, String lang) {
        String file = name + "." + lang + ".mustache";
        return cache.computeIfAbsent(file, f -> load(f, lang));
    }

    // {{> people}} in a template of language L is people.L.mustache, from the folder or built in
    private Template load(String file, String lang) {
        Mustache.Compiler compiler = COMPILER.withLoader(partial -> new java.io.StringReader(builtInOr(partial + "." + lang + ".mustache", true)));
        Path p = dir.resolve(file);
        if (Files.isRegularFile(p)) {
            try {
                return compiler.compile(Files.readString(p, StandardCharsets.UTF_8));
            } catch (MustacheException e) {
                log.error("{} — using the built-in template", describe(file, e));
            } catch (IOException e) {
                log.error("templates/{}: cannot read ({}) — using the built-in template", file, e.getMessage());
            }
        }
        return compiler.compile(builtInOr(file, false));
    }

    /** The file from the templates folder (when asked and readable), else the copy built into the jar. */
    private String builtInOr(String file, boolean folderFirst) {
        Path p = dir.resolve(file);
        if (folderFirst && Files.isRegularFile(p)) {
            try {
                return Files.readString(p, StandardCharsets.UTF_8);
            } catch (IOException e) {
                log.error("templates/{}: cannot read ({}) — using the built-in template", file, e.getMessage());
            }
        }
        try (InputStream in = Templates.class.getResourceAsStream("/templates/" + file)) {
            if (in == null) throw new IllegalStateException("no template " + file + " in " + dir + " or built in");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read built-in template " + file, e);
        }
    }
}
