package org.opencsc.timescales;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/** The timescale catalogue ({@code timescales/timescales.yml}) with the council's local overrides applied. */
@Component
@EnableConfigurationProperties(TimescaleProperties.class)
public class TimescaleCatalogue {

  public static final String RESOURCE = "timescales/timescales.yml";

  private final Map<String, Timescale> byId;
  private final List<Timescale> ordered;

  @Autowired
  public TimescaleCatalogue(TimescaleProperties properties) {
    this(properties.overrides());
  }

  /** @param overrides catalogue id → "{@code <period> <UNIT>}", e.g. {@code CORE_GROUP → "8 WEEKS"} */
  public TimescaleCatalogue(Map<String, String> overrides) {
    this(readResource(RESOURCE), overrides);
  }

  TimescaleCatalogue(List<Timescale> entries, Map<String, String> overrides) {
    Map<String, Timescale> loaded = new LinkedHashMap<>();
    for (Timescale entry : entries) {
      validate(entry);
      if (loaded.putIfAbsent(entry.id(), entry) != null) {
        throw new IllegalStateException("Timescale catalogue lists " + entry.id() + " twice");
      }
    }
    applyOverrides(loaded, overrides == null ? Map.of() : overrides);
    this.byId = Map.copyOf(loaded);
    this.ordered = List.copyOf(loaded.values());
  }

  public static TimescaleCatalogue loadDefault() {
    return new TimescaleCatalogue(Map.of());
  }

  public List<Timescale> all() {
    return ordered;
  }

  public Optional<Timescale> find(String id) {
    return id == null ? Optional.empty() : Optional.ofNullable(byId.get(id));
  }

  public Timescale get(String id) {
    return find(id).orElseThrow(() -> new UnknownTimescaleException(id));
  }

  private static void applyOverrides(Map<String, Timescale> entries, Map<String, String> overrides) {
    // Spring drops '_' from map keys and env vars arrive in other cases, so match ids loosely
    Map<String, String> idsByLooseKey = new HashMap<>();
    entries.keySet().forEach(id -> idsByLooseKey.put(looseKey(id), id));
    overrides.forEach((key, value) -> {
      String id = idsByLooseKey.get(looseKey(key));
      if (id == null) {
        throw new IllegalStateException("csc.timescales.overrides." + key
            + " names no timescale in the catalogue; known ids: " + entries.keySet());
      }
      Timescale entry = entries.get(id);
      if (!entry.configurable()) {
        throw new IllegalStateException("csc.timescales.overrides." + key + " cannot override " + id
            + ": it is a statutory timescale (" + entry.source() + "), only local defaults are configurable");
      }
      entries.put(id, entry.withLocalPeriod(parseSpan(key, value)));
    });
  }

  private static String looseKey(String key) {
    return key.replaceAll("[^A-Za-z0-9]", "").toUpperCase(Locale.ROOT);
  }

  private static Timescale.Span parseSpan(String key, String value) {
    String[] parts = value == null ? new String[0] : value.trim().split("\\s+");
    try {
      if (parts.length == 2) {
        int period = Integer.parseInt(parts[0]);
        PeriodUnit unit = PeriodUnit.valueOf(parts[1].toUpperCase(Locale.ROOT));
        if (period >= 0 && unit != PeriodUnit.COURT_DAYS && unit != PeriodUnit.COURT_WEEKS) {
          return new Timescale.Span(period, unit);
        }
      }
    } catch (IllegalArgumentException e) {
      // fall through to the explanatory message below
    }
    throw new IllegalStateException("csc.timescales.overrides." + key + "='" + value
        + "' is not '<period> <unit>' with a period of 0 or more and a unit of WORKING_DAYS, DAYS, WEEKS, MONTHS or HOURS"
        + " (e.g. '8 WEEKS')");
  }

  private static void validate(Timescale entry) {
    List<String> problems = new ArrayList<>();
    if (isBlank(entry.id())) problems.add("id is blank");
    if (isBlank(entry.policy())) problems.add("policy is blank");
    if (isBlank(entry.trigger())) problems.add("trigger is blank");
    if (isBlank(entry.source())) problems.add("source is blank");
    if (isBlank(entry.due())) problems.add("due is blank");
    if (entry.unit() == null) problems.add("unit is missing");
    if (entry.period() < 0) problems.add("period is negative");
    if ((entry.unit() == PeriodUnit.COURT_DAYS || entry.unit() == PeriodUnit.COURT_WEEKS) && entry.period() < 1) {
      problems.add("court periods start at day/week 1");
    }
    if (entry.rule() != Timescale.Rule.STANDARD && entry.alternative() == null) {
      problems.add("rule " + entry.rule() + " needs an alternative period");
    }
    if (entry.earliest() != null && entry.unit() == PeriodUnit.HOURS) {
      problems.add("earliest is not supported for HOURS");
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException("Invalid timescale catalogue entry " + entry.id() + ": " + problems);
    }
  }

  private static boolean isBlank(String text) {
    return text == null || text.isBlank();
  }

  private static List<Timescale> readResource(String resource) {
    ObjectMapper yaml = YAMLMapper.builder()
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .build();
    try (InputStream in = TimescaleCatalogue.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Timescale catalogue " + resource + " is not on the classpath");
      }
      return yaml.readValue(in, CatalogueFile.class).timescales();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read timescale catalogue " + resource, e);
    }
  }

  private record CatalogueFile(List<Timescale> timescales) {}
}
