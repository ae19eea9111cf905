/**
 * Benchmark machinery for the {@code bench} commands: feeds served on 127.0.0.1, a Bot API that
 * enforces Telegram's limits, and the poll and search benchmarks run through the real pipeline.
 */
package org.treatywatch.bench;
