package org.opencsc.allocation;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.opencsc.api.InvalidRequestException;
import org.opencsc.api.NotFoundException;
import org.opencsc.engine.EngineServices;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/workers/{userId}/sw-id}: an administrator records a social worker's SSDA903 SW_ID (normally
 * the Social Work England registration number), which the SWEpisodes table reports for every child
 * allocated to them. No /api access rule names this path, so it is for admins only.
 */
@RestController
public class SocialWorkerRegistrationController {

  public record Registration(String userId, String swId) {}

  public record RegistrationRequest(String swId) {}

  private final SocialWorkerRegistrations registrations;
  private final EngineServices engine;

  public SocialWorkerRegistrationController(SocialWorkerRegistrations registrations, EngineServices engine) {
    this.registrations = registrations;
    this.engine = engine;
  }

  @GetMapping("/api/workers/{userId}/sw-id")
  public Registration registration(@PathVariable String userId) {
    requireKnownUser(userId);
    return new Registration(userId, registrations.swIdOf(userId)
        .orElseThrow(() -> new NotFoundException("No SW_ID is recorded for " + userId)));
  }

  @PutMapping(path = "/api/workers/{userId}/sw-id", consumes = "application/json")
  @Transactional
  public Registration register(@PathVariable String userId, @RequestBody RegistrationRequest request) {
    requireKnownUser(userId);
    String swId = request == null || request.swId() == null ? null : request.swId().trim();
    if (!SocialWorkerRegistrations.isValid(swId)) {
      throw InvalidRequestException.of("swId", "must begin with SW followed by letters or digits, e.g. SW123456");
    }
    registrations.holderOf(swId).filter(holder -> !holder.equals(userId)).ifPresent(holder -> {
      throw InvalidRequestException.of("swId", "is already recorded for another worker");
    });
    registrations.register(userId, swId, ClockUtil.getCurrentTime().toInstant());
    return new Registration(userId, swId);
  }

  private void requireKnownUser(String userId) {
    if (engine.identityService().createUserQuery().userId(userId).count() == 0) {
      throw new NotFoundException("No user " + userId);
    }
  }
}
