package org.opencsc.care;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.opencsc.calendar.LondonTime;
import org.opencsc.engine.InvalidFieldValue;

/**
 * Reads and checks values entered on the looked-after forms (Camunda Forms send dates as ISO strings,
 * checkboxes as booleans). Every refusal is an {@link InvalidFieldValue} naming the field.
 */
final class LookedAfterFields {

  private static final Pattern POSTCODE = Pattern.compile("^(GIR 0AA|[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2})$");
  private static final Pattern URN = Pattern.compile("^[A-Z]{0,2}[0-9]{6,7}$");

  private final Function<String, Object> variables;
  private final LocalDate today;

  LookedAfterFields(Function<String, Object> variables, LocalDate today) {
    this.variables = variables;
    this.today = today;
  }

  Object raw(String field) {
    return variables.apply(field);
  }

  /** A date that has happened (today or before). */
  LocalDate pastDate(String field) {
    LocalDate date = optionalDate(field);
    if (date == null) {
      throw new InvalidFieldValue(field, "enter the date");
    }
    return date;
  }

  LocalDate optionalDate(String field) {
    LocalDate date = parseDate(variables.apply(field), field);
    if (date != null && date.isAfter(today)) {
      throw new InvalidFieldValue(field, "must not be in the future");
    }
    return date;
  }

  /** A date that must be given but may lie ahead (e.g. a proposed start). */
  LocalDate pastDateOrLater(String field) {
    LocalDate date = parseDate(variables.apply(field), field);
    if (date == null) {
      throw new InvalidFieldValue(field, "enter the date");
    }
    return date;
  }

  String code(String field, Set<String> allowed) {
    String value = optionalText(field);
    if (value == null || !allowed.contains(value)) {
      throw new InvalidFieldValue(field, "must be one of " + new java.util.TreeSet<>(allowed));
    }
    return value;
  }

  String text(String field) {
    String value = optionalText(field);
    if (value == null) {
      throw new InvalidFieldValue(field, "must be filled in");
    }
    return value;
  }

  String optionalText(String field) {
    Object value = variables.apply(field);
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    return value.toString().trim();
  }

  boolean yes(String field) {
    Object value = variables.apply(field);
    return Boolean.TRUE.equals(value) || "true".equalsIgnoreCase(String.valueOf(value));
  }

  String postcode(String field) {
    String value = text(field).toUpperCase(Locale.UK).replaceAll("\\s+", " ");
    if (!POSTCODE.matcher(value).matches()) {
      throw new InvalidFieldValue(field, "must be a UK postcode, e.g. CH41 1AA");
    }
    return value.contains(" ") ? value : value.substring(0, value.length() - 3) + " " + value.substring(value.length() - 3);
  }

  String optionalUrn(String field) {
    String value = optionalText(field);
    if (value == null) {
      return null;
    }
    value = value.toUpperCase(Locale.UK);
    if (!URN.matcher(value).matches()) {
      throw new InvalidFieldValue(field, "must be the Ofsted unique reference number, e.g. SC123456");
    }
    return value;
  }

  /** PLACE_PROVIDER: blank for T0-T3 and Z11-Z14, one of PR0-PR5 otherwise. */
  String provider(String field, String placementType) {
    String value = optionalText(field);
    if (LookedAfterCodes.NO_PROVIDER.contains(placementType)) {
      if (value != null) {
        throw new InvalidFieldValue(field, "must be left blank for placement type " + placementType);
      }
      return null;
    }
    if (value == null || !LookedAfterCodes.PROVIDER.contains(value)) {
      throw new InvalidFieldValue(field, "must be one of PR0-PR5 for placement type " + placementType);
    }
    return value;
  }

  static LocalDate parseDate(Object value, String field) {
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    if (value instanceof java.util.Date d) {
      return LondonTime.dateOf(d);
    }
    if (value instanceof LocalDate d) {
      return d;
    }
    String text = value.toString().trim();
    try {
      return LocalDate.parse(text.substring(0, Math.min(10, text.length())));
    } catch (RuntimeException e) {
      throw new InvalidFieldValue(field, "must be a date (YYYY-MM-DD)");
    }
  }
}
