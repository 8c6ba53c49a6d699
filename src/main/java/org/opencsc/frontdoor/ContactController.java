package org.opencsc.frontdoor;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class ContactController {

  private final ContactIntake intake;

  public ContactController(ContactIntake intake) {
    this.intake = intake;
  }

  @PostMapping(path = "/api/contacts", consumes = "application/json")
  @ResponseStatus(HttpStatus.CREATED)
  public ContactReceipt receive(@RequestBody ContactRequest request) {
    try {
      return intake.receive(request);
    } catch (DuplicateKeyException firstContactForThisChildArrivedMeanwhile) {
      // The other request created the child; this contact now joins that child's journey.
      return intake.receive(request);
    }
  }
}
