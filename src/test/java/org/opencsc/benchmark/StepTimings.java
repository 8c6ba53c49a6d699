package org.opencsc.benchmark;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Wall time spent per task key, to see which step costs what. */
class StepTimings {

  private final Map<String, LongAdder> nanos = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

  void time(String key, Runnable step) {
    long start = System.nanoTime();
    step.run();
    nanos.computeIfAbsent(key, k -> new LongAdder()).add(System.nanoTime() - start);
    counts.computeIfAbsent(key, k -> new LongAdder()).increment();
  }

  /** Mean milliseconds per completion, by task key. */
  Map<String, Double> meanMillis() {
    Map<String, Double> means = new TreeMap<>();
    nanos.forEach((key, total) -> means.put(key, total.sum() / 1e6 / counts.get(key).sum()));
    return means;
  }
}
