package org.opencsc.simulation;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Random;

/**
 * The simulator's branching rates ({@code simulation/rates.yml}): published DfE figures, each choice's
 * shares and each yes/no probability, every one with its source.
 */
public record BranchingRates(Map<String, Figure> figures, Map<String, Choice> choices,
    Map<String, Probability> probabilities) {

  public static final String RESOURCE = "simulation/rates.yml";

  public record Figure(double value, String source) {}

  public record Probability(double value, String source) {}

  public record Choice(String source, Map<String, Double> shares) {

    /** One option, drawn with the shares as weights (in the file's order, so a seed always draws the same). */
    public String pick(Random random) {
      double total = shares.values().stream().mapToDouble(Double::doubleValue).sum();
      double point = random.nextDouble() * total;
      String last = null;
      for (Map.Entry<String, Double> share : shares.entrySet()) {
        last = share.getKey();
        point -= share.getValue();
        if (point < 0) {
          return last;
        }
      }
      return last;
    }

    public double share(String option) {
      double total = shares.values().stream().mapToDouble(Double::doubleValue).sum();
      return shares.getOrDefault(option, 0.0) / total;
    }
  }

  public static BranchingRates load() {
    try (InputStream in = BranchingRates.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the classpath");
      }
      return new YAMLMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
          .readValue(in, BranchingRates.class);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + RESOURCE, e);
    }
  }

  public String pick(String choice, Random random) {
    return choice(choice).pick(random);
  }

  public Choice choice(String name) {
    Choice choice = choices.get(name);
    if (choice == null) {
      throw new IllegalArgumentException("No choice " + name + " in " + RESOURCE);
    }
    return choice;
  }

  public double probability(String name) {
    Probability probability = probabilities.get(name);
    if (probability == null) {
      throw new IllegalArgumentException("No probability " + name + " in " + RESOURCE);
    }
    return probability.value();
  }

  public boolean chance(String name, Random random) {
    return random.nextDouble() < probability(name);
  }

  /** Share of contacts that become referrals: REFERRAL and STRATEGY (a strategy decision is also a referral). */
  public double referralShareOfContacts() {
    Choice contact = choice("contactOutcome");
    return contact.share("REFERRAL") + contact.share("STRATEGY");
  }
}
