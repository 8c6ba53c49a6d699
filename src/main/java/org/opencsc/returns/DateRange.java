package org.opencsc.returns;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.opencsc.api.InvalidRequestException;

/** The period an Ofsted Annex A workbook covers, both days included. */
public record DateRange(LocalDate from, LocalDate to) {

  static final LocalDate EARLIEST = LocalDate.of(2018, 1, 1);
  static final LocalDate LATEST = LocalDate.of(2030, 12, 31);

  public static DateRange parse(String from, String to) {
    LocalDate start = date("from", from);
    LocalDate end = date("to", to);
    if (end.isBefore(start)) {
      throw InvalidRequestException.of("to", "must not be before from");
    }
    return new DateRange(start, end);
  }

  private static LocalDate date(String field, String value) {
    if (value == null || value.isBlank()) {
      throw InvalidRequestException.of(field, "is required (YYYY-MM-DD)");
    }
    LocalDate date;
    try {
      date = LocalDate.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw InvalidRequestException.of(field, "must be a date YYYY-MM-DD");
    }
    if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
      throw InvalidRequestException.of(field, "must be between " + EARLIEST + " and " + LATEST);
    }
    return date;
  }
}
