package org.opencsc.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.camunda.spin.json.SpinJsonNode;
import org.opencsc.calendar.LondonTime;

/**
 * The values of a task or start form as Camunda Forms send them (dates as ISO strings, checkboxes as
 * booleans, checklists as Json). Impossible values are refused with an {@link InvalidFieldValue}
 * naming the field, so Tasklist and the engine REST API (400) show the rule's own message whichever
 * client completes the task. Each stage adds its own rules and wording on top.
 */
public class FormValues {

  private final Function<String, Object> variables;
  private final LocalDate today;

  public FormValues(Function<String, Object> variables, LocalDate today) {
    this.variables = variables;
    this.today = today;
  }

  public Object raw(String field) {
    return variables.apply(field);
  }

  /** Required text, trimmed; {@code whatToWrite} is the whole refusal, e.g. "give the reasons". */
  public String text(String field, String whatToWrite) {
    return required(optionalText(field), field, whatToWrite);
  }

  /** Trimmed text, or null when left blank. */
  public String optionalText(String field) {
    Object value = raw(field);
    return isBlank(value) ? null : value.toString().trim();
  }

  /** A required code from {@code allowed}. */
  public String code(String field, Set<String> allowed) {
    String code = optionalText(field);
    if (code == null || !allowed.contains(code)) {
      throw new InvalidFieldValue(field, "must be one of " + new TreeSet<>(allowed));
    }
    return code;
  }

  /** Null when left blank; anything else must be in {@code allowed}. */
  public String optionalCode(String field, Set<String> allowed) {
    return optionalText(field) == null ? null : code(field, allowed);
  }

  /** A ticked checkbox. Unticked ones arrive as false, as "false" or not at all. */
  public boolean flag(String field) {
    Object value = raw(field);
    return Boolean.TRUE.equals(value) || "true".equalsIgnoreCase(String.valueOf(value));
  }

  /** The values ticked on a checklist: a Json array, a list or comma-separated text. */
  public List<String> checklist(String field) {
    Object value = raw(field);
    List<String> items = new ArrayList<>();
    if (value instanceof SpinJsonNode json && json.isArray()) {
      json.elements().forEach(element -> items.add(element.stringValue()));
    } else if (value instanceof Iterable<?> values) {
      values.forEach(item -> items.add(item.toString()));
    } else if (!isBlank(value)) {
      for (String item : value.toString().replaceAll("[\\[\\]\"]", "").split(",")) {
        if (!item.isBlank()) {
          items.add(item.trim());
        }
      }
    }
    return items;
  }

  /** A required date that has happened (today at the latest); {@code whatToRecord} is the whole refusal. */
  public LocalDate pastDate(String field, String whatToRecord) {
    return required(optionalPastDate(field), field, whatToRecord);
  }

  /** A date that has happened, or null when left blank. */
  public LocalDate optionalPastDate(String field) {
    LocalDate date = optionalDate(field);
    if (date != null && date.isAfter(today)) {
      throw new InvalidFieldValue(field, "must not be in the future (today is " + today + ")");
    }
    return date;
  }

  /**
   * Any date, or null when left blank. No future check: for dates that may lie ahead, or that were
   * checked when they were entered earlier in the process.
   */
  public LocalDate optionalDate(String field) {
    return parseDate(raw(field), field);
  }

  /** An ISO date (a date-time is cut to its date), a {@link java.util.Date}, or null when blank. */
  public static LocalDate parseDate(Object value, String field) {
    if (isBlank(value)) {
      return null;
    }
    if (value instanceof java.util.Date date) {
      return LondonTime.dateOf(date);
    }
    if (value instanceof LocalDate date) {
      return date;
    }
    String text = value.toString().trim();
    try {
      return LocalDate.parse(text.substring(0, Math.min(10, text.length())));
    } catch (RuntimeException e) {
      throw new InvalidFieldValue(field, "must be a date (YYYY-MM-DD)");
    }
  }

  /** {@code value} read from {@code field}, refused with {@code refusal} when it was left blank. */
  protected static <T> T required(T value, String field, String refusal) {
    if (value == null) {
      throw new InvalidFieldValue(field, refusal);
    }
    return value;
  }

  private static boolean isBlank(Object value) {
    return value == null || value.toString().isBlank();
  }
}
