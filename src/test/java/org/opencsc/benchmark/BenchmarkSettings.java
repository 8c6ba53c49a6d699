package org.opencsc.benchmark;

import java.time.Instant;

/** What one benchmark run does, from -Dbench.* (benchmarks/run.sh, docs/performance.md). */
record BenchmarkSettings(
    int population,
    Instant loadUntil,
    int loadThreads,
    String databaseDisk,
    long minFreeDiskGb,
    boolean measure,
    int threads,
    int journeys,
    int vanillaInstances,
    int warmUpJourneys,
    int queries,
    int warmUpOpens,
    int timerDeadlines,
    int timerLeadSeconds,
    int timerGapSeconds,
    boolean timerDefaults,
    int socialWorkers,
    String results) {

  static BenchmarkSettings fromSystemProperties() {
    String until = System.getProperty("bench.loadUntil", "");
    return new BenchmarkSettings(
        Integer.getInteger("bench.population", 2_000),
        until.isBlank() ? null : Instant.parse(until),
        Integer.getInteger("bench.loadThreads", 4),
        System.getProperty("bench.databaseDisk", "/var/lib/postgresql"),
        Long.getLong("bench.minFreeDiskGb", 10),
        Boolean.parseBoolean(System.getProperty("bench.measure", "true")),
        Integer.getInteger("bench.threads", 4),
        Integer.getInteger("bench.journeys", 200),
        Integer.getInteger("bench.vanilla", 1_000),
        Integer.getInteger("bench.warmUpJourneys", 200),
        Integer.getInteger("bench.queries", 200),
        Integer.getInteger("bench.warmUpOpens", 400),
        Integer.getInteger("bench.timerDeadlines", 300),
        Integer.getInteger("bench.timerLeadSeconds", 60),
        Integer.getInteger("bench.timerGapSeconds", 90),
        Boolean.parseBoolean(System.getProperty("bench.timerDefaults", "true")),
        Integer.getInteger("bench.socialWorkers", 200),
        System.getProperty("bench.results", "target/benchmark-results.md"));
  }
}
