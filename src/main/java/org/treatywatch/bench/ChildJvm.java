package org.treatywatch.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.treatywatch.App;

/**
 * This program run again in a fresh JVM with the options this one was started with (the start
 * script's heap, collector and class-data archive), so what a child measures — resident memory
 * above all — is what the shipped settings give, untouched by what ran before it here.
 */
final class ChildJvm {
    private ChildJvm() {}

    /** Runs the command with these arguments, passing each line it prints (output and errors) on; returns its exit code. */
    static int run(List<String> arguments, Consumer<String> lines) throws IOException, InterruptedException {
        Process child = new ProcessBuilder(command(arguments)).redirectErrorStream(true).start();
        // a bench stopped with Ctrl-C stops its child too, which then deletes its own scratch folder
        Thread stopChild = new Thread(child::destroy, "stop-" + child.pid());
        Runtime.getRuntime().addShutdownHook(stopChild);
        try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) lines.accept(line);
            return child.waitFor();
        } finally {
            child.destroy();
            try {
                Runtime.getRuntime().removeShutdownHook(stopChild);
            } catch (IllegalStateException e) {
                // the JVM is already exiting: the hook stops the child
            }
        }
    }

    static List<String> command(List<String> arguments) {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!option.startsWith("-agentlib:jdwp")) cmd.add(option); // a debugger's port is the parent's
        }
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(App.class.getName());
        cmd.addAll(arguments);
        return cmd;
    }
}
