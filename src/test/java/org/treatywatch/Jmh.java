package org.treatywatch;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/** Runs a JMH benchmark from exec:java, whose project classpath lives in a class loader, not in java.class.path. */
public final class Jmh {
    private Jmh() {}

    public static void run(Class<?> benchmark) throws Exception {
        List<String> entries = new ArrayList<>();
        for (ClassLoader cl = Thread.currentThread().getContextClassLoader(); cl != null; cl = cl.getParent()) {
            if (cl instanceof URLClassLoader u) for (URL url : u.getURLs()) entries.add(new File(url.toURI()).getPath());
        }
        if (!entries.isEmpty()) System.setProperty("java.class.path", String.join(File.pathSeparator, entries));
        new Runner(new OptionsBuilder().include(benchmark.getSimpleName()).build()).run();
    }
}
