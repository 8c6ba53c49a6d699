package org.opencsc.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The run's figures as markdown (target/benchmark-results.md), rewritten after every measurement. */
class BenchmarkReport {

  private final Path file;
  private final List<String> lines = new ArrayList<>();

  BenchmarkReport(Path file, String postgresVersion, BenchmarkSettings settings) {
    this.file = file;
    long memory = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getTotalMemorySize();
    lines.add("# Benchmark results (" + Instant.now() + ")");
    lines.add("");
    lines.add("- machine: " + Runtime.getRuntime().availableProcessors() + " cores, "
        + memory / (1024 * 1024 * 1024) + " GB, " + System.getProperty("os.name") + " "
        + System.getProperty("os.version"));
    lines.add("- java: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
    lines.add("- database: " + postgresVersion);
    lines.add("- settings: " + settings);
    lines.add("");
  }

  void section(String title) {
    line("");
    line("## " + title + " (" + Instant.now() + ")");
    line("");
  }

  void line(String line) {
    lines.add(line);
    System.err.println(line);
    write();
  }

  private void write() {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.write(file, lines);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The {@code p}-th percentile (nearest rank) of {@code values}. */
  static double percentile(List<Double> values, double p) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
  }
}
