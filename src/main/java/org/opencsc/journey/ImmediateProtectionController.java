package org.opencsc.journey;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class ImmediateProtectionController {

  private final ImmediateProtection protection;

  public ImmediateProtectionController(ImmediateProtection protection) {
    this.protection = protection;
  }

  @PostMapping(path = "/api/children/{childId}/immediate-protection", consumes = "application/json")
  @ResponseStatus(HttpStatus.CREATED)
  public ImmediateProtection.Receipt record(@PathVariable String childId, @RequestBody ImmediateProtectionRequest request) {
    return protection.record(childId, request);
  }
}
