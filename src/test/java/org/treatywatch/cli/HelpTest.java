package org.treatywatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Every command's --help prints its usage and nothing on stderr: picocli warns there when a
 * description does not format (a lone % where %% is meant). The commands run in a JVM of their
 * own, since picocli writes its warnings to the stderr it saw when it started.
 */
class HelpTest {
    @TempDir
    Path dir;

    @Test
    void noCommandsHelpPrintsAWarning() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), AllHelp.class.getName());
        pb.redirectOutput(new File(dir.toFile(), "out.txt"));
        pb.redirectError(new File(dir.toFile(), "err.txt"));
        Process p = pb.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String out = Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8);
        String err = Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8);
        assertThat(err).as("stderr of every --help").isEmpty();
        assertThat(out).contains("Usage: treatywatch run", "Usage: treatywatch bench matching", "Usage: treatywatch bench poll")
                .contains("10% whole topic");
        assertThat(p.exitValue()).isZero();
    }

    /** Prints every command's and subcommand's --help. */
    public static final class AllHelp {
        public static void main(String[] args) {
            List<List<String>> paths = new ArrayList<>();
            collect(Cli.commandLine(), new ArrayList<>(), paths);
            int failures = 0;
            for (List<String> path : paths) {
                List<String> argv = new ArrayList<>(path);
                argv.add("--help");
                StringWriter help = new StringWriter();
                CommandLine cl = Cli.commandLine();
                cl.setOut(new PrintWriter(help));
                failures += cl.execute(argv.toArray(String[]::new)) == 0 ? 0 : 1;
                System.out.println(help);
            }
            System.exit(failures);
        }

        private static void collect(CommandLine cl, List<String> path, List<List<String>> out) {
            out.add(path);
            cl.getSubcommands().forEach((name, sub) -> {
                if (!name.equals(sub.getCommandName())) return; // an alias: the command is listed under its name
                List<String> p = new ArrayList<>(path);
                p.add(name);
                collect(sub, p, out);
            });
        }
    }
}
