package org.opencsc.timescales;

import java.time.LocalDate;
import java.util.List;
import org.opencsc.api.InvalidRequestException;
import org.opencsc.api.NotFoundException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The catalogue and the practitioners' calculator: the same code the BPMN timers use. */
@RestController
public class TimescaleController {

  private final TimescaleCatalogue catalogue;
  private final DueDateCalculator calculator;

  public TimescaleController(TimescaleCatalogue catalogue, DueDateCalculator calculator) {
    this.catalogue = catalogue;
    this.calculator = calculator;
  }

  public record TimescaleView(String timescaleId, String policy, String trigger, int period, PeriodUnit unit,
      String due, String warning, String source, boolean configurable) {

    static TimescaleView of(Timescale t) {
      return new TimescaleView(t.id(), t.policy(), t.trigger(), t.period(), t.unit(), t.due(),
          t.warning() == null ? null : t.warning().toString(), t.source(), t.configurable());
    }
  }

  public record DueView(String timescaleId, String policy, LocalDate triggerDate, LocalDate dueDate,
      LocalDate earliestDate, String warningAt, String breachAt) {}

  @GetMapping("/api/timescales")
  public List<TimescaleView> catalogue() {
    return catalogue.all().stream().map(TimescaleView::of).toList();
  }

  @GetMapping("/api/timescales/{timescaleId}/due")
  public DueView due(@PathVariable String timescaleId,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate trigger,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dateOfBirth,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate placementStart,
      @RequestParam(defaultValue = "false") boolean longTermPlacement) {
    if (catalogue.find(timescaleId).isEmpty()) {
      throw new NotFoundException("No timescale " + timescaleId + " in the catalogue");
    }
    inSupportedRange("trigger", trigger);
    if (placementStart != null) {
      inSupportedRange("placementStart", placementStart);
    }
    ComputedDeadline due;
    try {
      due = calculator.compute(timescaleId, trigger,
          new TimescaleParameters(dateOfBirth, placementStart, longTermPlacement));
    } catch (IllegalArgumentException e) {
      String field = e.getMessage() != null && e.getMessage().startsWith("dateOfBirth") ? "dateOfBirth" : "trigger";
      throw InvalidRequestException.of(field, e.getMessage());
    }
    return new DueView(due.timescaleId(), due.policy(), due.triggerDate(), due.dueDate(), due.earliestDate(),
        due.warningAt().toString(), due.breachAt().toString());
  }

  private static void inSupportedRange(String field, LocalDate date) {
    if (date.isBefore(DueDateCalculator.SUPPORTED_FROM) || date.isAfter(DueDateCalculator.SUPPORTED_TO)) {
      throw InvalidRequestException.of(field, "must be between " + DueDateCalculator.SUPPORTED_FROM
          + " and " + DueDateCalculator.SUPPORTED_TO);
    }
  }
}
