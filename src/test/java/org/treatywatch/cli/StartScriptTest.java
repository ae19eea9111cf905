package org.treatywatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The start script the build writes (target/treatywatch/bin/treatywatch, from src/main/dist before the
 * tests run), installed as users install it: bin/ and lib/ side by side, called through a symlink from
 * another directory. Its lib/treatywatch.jar is a jar that only points at this build's classes (the
 * shaded one is built after the tests).
 */
@DisabledOnOs(OS.WINDOWS)
class StartScriptTest {
    static final Path BUILT = Path.of("target/treatywatch/bin/treatywatch");
    static final long MIB = 1024 * 1024;

    @TempDir
    Path dir;
    Path command;
    Path workDir;

    @BeforeEach
    void install() throws IOException {
        assertThat(BUILT).as("written by mvn process-resources").isExecutable();
        Path home = dir.resolve("opt/treatywatch");
        Files.createDirectories(home.resolve("bin"));
        Files.createDirectories(home.resolve("lib"));
        Files.copy(BUILT, home.resolve("bin/treatywatch"));
        home.resolve("bin/treatywatch").toFile().setExecutable(true);
        writePointingJar(home.resolve("lib/treatywatch.jar"));
        Files.createDirectories(dir.resolve("usr/bin"));
        command = dir.resolve("usr/bin/treatywatch");
        Files.createSymbolicLink(command, Path.of("../../opt/treatywatch/bin/treatywatch"));
        workDir = Files.createDirectories(dir.resolve("home/a user"));
    }

    @Test
    void runsTheJarFromAnotherDirectoryThroughASymlink() throws Exception {
        Run version = run(Map.of(), "--version");
        assertThat(version.code).as(version.err).isZero();
        assertThat(version.out.strip()).startsWith("treatywatch ");

        Run help = run(Map.of(), "--help");
        assertThat(help.out).contains("Usage: treatywatch", "run", "feeds", "bench");
    }

    @Test
    void argumentsWithSpacesArriveWholeAndRelativePathsAreTheCallersOnes() throws Exception {
        Files.writeString(workDir.resolve("my feeds.yaml"), "feeds:\n  - id: Bad Id\n    url: https://example.org/rss\n    language: he\n");
        Run check = run(Map.of(), "feeds", "check", "--feeds", "my feeds.yaml");
        assertThat(check.out).as(check.err).contains("my feeds.yaml:2: id \"Bad Id\" may use only a-z, 0-9 and '-'");
        assertThat(check.code).isEqualTo(1);

        Run unknown = run(Map.of(), "no such command");
        assertThat(unknown.err).contains("Unmatched argument at index 0: 'no such command'");
        assertThat(unknown.code).isEqualTo(2);
    }

    @Test
    void theEnvironmentPassesThrough() throws Exception {
        Path yaml = Files.writeString(dir.resolve("other feeds.yaml"), "feeds:\n  - id: x\n    url: ftp://example.org/rss\n    language: he\n");
        Run check = run(Map.of("TREATYWATCH_FEEDS", yaml.toString()), "feeds", "check");
        assertThat(check.out).as(check.err).contains("other feeds.yaml:3: url \"ftp://example.org/rss\" must be an http(s) or file: URL");
    }

    @Test
    void theHeapIsSizedFromMemoryWithinBoundsAndUserOptionsWin() throws Exception {
        Run shipped = run(Map.of("JAVA_OPTS", "-XX:+PrintFlagsFinal"), "--version");
        assertThat(flag(shipped.out, "UseSerialGC")).isEqualTo("true");
        long heap = Long.parseLong(flag(shipped.out, "MaxHeapSize"));
        long memory = machineMemory();
        long expected = memory / 2 < 128 * MIB ? memory / 2 : Math.min(Math.max(memory / 4, 128 * MIB), 512 * MIB);
        assertThat(heap).isBetween(expected - 2 * MIB, expected + 2 * MIB); // the JVM aligns the size

        Run tuned = run(Map.of("JAVA_OPTS", "-XX:+PrintFlagsFinal", "TREATYWATCH_JAVA_OPTS", "-Xmx300m -Xss1m"), "--version");
        assertThat(flag(tuned.out, "MaxHeapSize")).isEqualTo(String.valueOf(300 * MIB));
        assertThat(flag(tuned.out, "ThreadStackSize")).isEqualTo("1024");
        assertThat(tuned.out).contains("treatywatch ");
    }

    // The memory the script sizes from: this cgroup's limit when lower than the machine's memory.
    private static long machineMemory() throws IOException {
        long memory = Long.MAX_VALUE;
        for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
            if (line.startsWith("MemTotal:")) memory = Long.parseLong(line.replaceAll("\\D+", "")) * 1024;
        }
        List<Path> limits = new ArrayList<>(List.of(Path.of("/sys/fs/cgroup/memory.max"), Path.of("/sys/fs/cgroup/memory/memory.limit_in_bytes")));
        for (String line : Files.readAllLines(Path.of("/proc/self/cgroup"))) {
            String[] parts = line.split(":", 3);
            if (parts.length < 3) continue;
            if (parts[0].equals("0") && parts[1].isEmpty()) limits.add(Path.of("/sys/fs/cgroup" + parts[2], "memory.max"));
            if (parts[1].contains("memory")) limits.add(Path.of("/sys/fs/cgroup/memory" + parts[2], "memory.limit_in_bytes"));
        }
        for (Path limit : limits) {
            if (!Files.isReadable(limit)) continue;
            String v = Files.readString(limit).strip();
            if (v.matches("\\d+")) memory = Math.min(memory, Long.parseLong(v) / 1024 * 1024);
        }
        return memory;
    }

    private static String flag(String printFlagsFinal, String name) {
        Matcher m = Pattern.compile("\\s" + name + "\\s+=\\s+(\\S+)").matcher(printFlagsFinal);
        assertThat(m.find()).as(name + " printed").isTrue();
        return m.group(1);
    }

    record Run(int code, String out, String err) {}

    private Run run(Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(command.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile())
                .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile());
        pb.environment().remove("JAVA_OPTS");
        pb.environment().remove("TREATYWATCH_JAVA_OPTS");
        pb.environment().remove("TREATYWATCH_FEEDS");
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().putAll(env);
        Process p = pb.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the command ended").isTrue();
        return new Run(p.exitValue(), Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8));
    }

    // A jar with no classes of its own: its manifest names the main class and this test run's classpath.
    private static void writePointingJar(Path jar) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.put(Attributes.Name.MAIN_CLASS, "org.treatywatch.App");
        StringBuilder classPath = new StringBuilder();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.isBlank()) classPath.append(Path.of(entry).toAbsolutePath().toUri()).append(' ');
        }
        main.put(Attributes.Name.CLASS_PATH, classPath.toString().strip());
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream ignored = new JarOutputStream(out, manifest)) {
            // the manifest is all it holds
        }
    }
}
