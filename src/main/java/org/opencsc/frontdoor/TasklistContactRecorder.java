package org.opencsc.frontdoor;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.opencsc.engine.FormValues;
import org.opencsc.engine.InvalidFieldValue;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.opencsc.api.InvalidRequestException;
import org.opencsc.calendar.LondonTime;
import org.springframework.stereotype.Component;

/**
 * A contact recorded in Tasklist with the {@code record-contact} start form goes through the same
 * checks and the same intake as POST /api/contacts (bean {@code contactRecorder}).
 */
@Component("contactRecorder")
public class TasklistContactRecorder {

  private final ContactIntake intake;

  public TasklistContactRecorder(ContactIntake intake) {
    this.intake = intake;
  }

  public void record(DelegateExecution execution) {
    ContactRequest request = requestFrom(execution);
    ContactReceipt receipt;
    try {
      receipt = intake.receive(request);
    } catch (InvalidRequestException e) {
      String first = formField(e.fieldErrors().get(0).field());
      throw new InvalidFieldValue(first, e.fieldErrors().stream()
          .map(f -> formField(f.field()) + " " + f.message())
          .collect(Collectors.joining("; ")));
    }
    execution.setProcessBusinessKey(receipt.childId());
    execution.setVariable("childId", receipt.childId());
    execution.setVariable("journeyId", receipt.journeyId());
    execution.setVariable("joinedExistingJourney", receipt.joinedExistingJourney());
  }

  private static ContactRequest requestFrom(DelegateExecution execution) {
    return new ContactRequest(
        new ContactRequest.ChildDetails(
            text(execution, "laChildId"), text(execution, "firstName"), text(execution, "lastName"),
            date(execution, "dateOfBirth"), date(execution, "expectedDateOfBirth"), text(execution, "sex"),
            text(execution, "ethnicity"), text(execution, "upn"), text(execution, "postcode"),
            disabilities(execution), text(execution, "upnUnknown"), text(execution, "formerUpn")),
        new ContactRequest.ContactDetails(receivedAt(execution), text(execution, "source"),
            text(execution, "summary")));
  }

  /** The API names fields child.x and contact.x; the start form names them x. */
  private static String formField(String apiField) {
    return apiField.replace("child.", "").replace("contact.receivedAt", "receivedDate").replace("contact.", "");
  }

  /** The ticked boxes of the {@code disabilities} checklist; none ticked says nothing (null). */
  private static List<String> disabilities(DelegateExecution execution) {
    List<String> ticked = new FormValues(execution::getVariable, LondonTime.dateOf(ClockUtil.getCurrentTime().toInstant()))
        .checklist("disabilities");
    return ticked.isEmpty() ? null : ticked;
  }

  private static OffsetDateTime receivedAt(DelegateExecution execution) {
    LocalDate day = date(execution, "receivedDate");
    String time = text(execution, "receivedTime");
    if (day == null || time == null) {
      throw new InvalidFieldValue("receivedDate", "say when the contact was received");
    }
    try {
      return day.atTime(LocalTime.parse(time)).atZone(LondonTime.ZONE).toOffsetDateTime();
    } catch (RuntimeException e) {
      throw new InvalidFieldValue("receivedTime", "give the time as HH:MM, e.g. 09:30");
    }
  }

  private static String text(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return value == null || value.toString().isBlank() ? null : value.toString().trim();
  }

  private static LocalDate date(DelegateExecution execution, String name) {
    String value = text(execution, name);
    if (value == null) {
      return null;
    }
    try {
      return LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
    } catch (RuntimeException e) {
      throw new InvalidFieldValue(name, "must be a date (YYYY-MM-DD)");
    }
  }
}
