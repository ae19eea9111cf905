package org.treatywatch;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.treatywatch.cli.Cli;
import picocli.CommandLine;

/** Entry point: {@code java -jar treatywatch.jar <command>}. */
public final class App {
    private App() {}

    public static void main(String[] args) {
        // Java 17 prints with the platform charset; Hebrew and Arabic need UTF-8 whatever the locale.
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));
        System.exit(Cli.commandLine().execute(args));
    }
}
