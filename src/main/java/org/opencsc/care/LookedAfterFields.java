package org.opencsc.care;

import java.time.LocalDate;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.opencsc.engine.FormValues;
import org.opencsc.engine.InvalidFieldValue;

/**
 * The values entered on the looked-after forms, with the SSDA903 rules for postcodes, Ofsted URNs and
 * placement providers. Every refusal is an {@link InvalidFieldValue} naming the field.
 */
final class LookedAfterFields extends FormValues {

  private static final Pattern POSTCODE = Pattern.compile("^(GIR 0AA|[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2})$");
  private static final Pattern URN = Pattern.compile("^[A-Z]{0,2}[0-9]{6,7}$");

  LookedAfterFields(Function<String, Object> variables, LocalDate today) {
    super(variables, today);
  }

  /** A date that has happened (today or before). */
  LocalDate pastDate(String field) {
    return pastDate(field, "enter the date");
  }

  /** A date that must be given but may lie ahead (e.g. a proposed start). */
  LocalDate pastDateOrLater(String field) {
    return required(optionalDate(field), field, "enter the date");
  }

  /** Required text. */
  String text(String field) {
    return text(field, "must be filled in");
  }

  /** A ticked checkbox. */
  boolean yes(String field) {
    return flag(field);
  }

  /** YES as true, NO as false, null when the question was left unanswered. */
  Boolean optionalYesNo(String field) {
    String answer = optionalCode(field, LookedAfterCodes.YES_NO);
    return answer == null ? null : "YES".equals(answer);
  }

  /** A whole number from {@code min} to {@code max}, or null when left blank. */
  Integer optionalWholeNumber(String field, int min, int max) {
    Object value = raw(field);
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    try {
      double number = Double.parseDouble(value.toString().trim());
      if (number == Math.rint(number) && number >= min && number <= max) {
        return (int) number;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw new InvalidFieldValue(field, "must be a whole number from " + min + " to " + max);
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
}
