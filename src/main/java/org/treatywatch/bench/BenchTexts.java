package org.treatywatch.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmarks' wording, kept in resource files (bench/NAME.txt) rather than Java: one record a
 * line, fields separated by tabs, the first field saying what the line is; blank lines and lines
 * starting with # are comments.
 */
final class BenchTexts {
    private BenchTexts() {}

    /** The records of {@code /bench/<name>.txt}, each a line's stripped fields. */
    static List<List<String>> records(String name) {
        String resource = "/bench/" + name + ".txt";
        try (InputStream in = BenchTexts.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException(resource + " is missing from the build");
            List<List<String>> out = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) continue;
                List<String> fields = new ArrayList<>();
                for (String f : line.split("\t")) fields.add(f.strip());
                out.add(List.copyOf(fields));
            }
            return List.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException(resource + " cannot be read", e);
        }
    }
}
