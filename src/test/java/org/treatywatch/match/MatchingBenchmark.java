package org.treatywatch.match;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.treatywatch.store.Subscription;

/**
 * JMH: one article against 100,000 subscriptions, with the index and with a naive scan (p50/p99
 * from the sample-time mode). Run: {@code mvn -q test-compile exec:java -Dexec.mainClass=org.treatywatch.match.MatchingBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MatchingBenchmark {
    private List<Subscription> subscriptions;
    private SubscriptionIndex index;
    private List<ItemFacts> articles;
    private int next;

    @Setup
    public void setUp() {
        SyntheticLoad load = new SyntheticLoad(42);
        subscriptions = load.subscriptions(100_000);
        index = new SubscriptionIndex(subscriptions);
        articles = load.articles(200);
    }

    @Benchmark
    public Map<Long, String> indexed() {
        return index.match(articles.get(next++ % articles.size()));
    }

    @Benchmark
    public Map<Long, String> naiveScan() {
        return SubscriptionMatcher.match(subscriptions, articles.get(next++ % articles.size()));
    }

    public static void main(String[] args) throws Exception {
        org.treatywatch.Jmh.run(MatchingBenchmark.class);
    }
}
