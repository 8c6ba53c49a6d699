package org.opencsc.returns;

import java.time.LocalDate;
import org.opencsc.api.InvalidRequestException;

/** A DfE collection year: 1 April of {@code year - 1} to 31 March of {@code year} (the reference date). */
public record CollectionYear(int year) {

  /** Years whose dates the working-day calendar covers (DueDateCalculator: 2018–2030). */
  static final int FIRST = 2019;
  static final int LAST = 2030;

  public static CollectionYear parse(String field, String value) {
    if (value == null || value.isBlank()) {
      throw InvalidRequestException.of(field, "is required (the year the collection ends on 31 March, e.g. 2027)");
    }
    int year;
    try {
      year = Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw InvalidRequestException.of(field, "must be a year such as 2027");
    }
    if (year < FIRST || year > LAST) {
      throw InvalidRequestException.of(field, "must be between " + FIRST + " and " + LAST);
    }
    return new CollectionYear(year);
  }

  public LocalDate start() {
    return LocalDate.of(year - 1, 4, 1);
  }

  public LocalDate end() {
    return referenceDate();
  }

  public LocalDate referenceDate() {
    return LocalDate.of(year, 3, 31);
  }

  /** Whether a period from {@code from} to {@code to} (open when null) touches this year. */
  public boolean overlaps(LocalDate from, LocalDate to) {
    return !from.isAfter(end()) && (to == null || !to.isBefore(start()));
  }

  /** The CIN census records the child's sex as Sex from 2024/25, as GenderCurrent before. */
  public boolean usesSex() {
    return year >= 2025;
  }
}
