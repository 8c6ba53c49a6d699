package org.opencsc.allocation;

import java.time.Instant;
import java.util.Map;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Gives the demo social workers SW_IDs that can never be mistaken for a Social Work England registration
 * (real ones are SW followed by digits only). Same profiles as the demo users (security/DemoIdentity).
 */
@Component
@Profile({"default", "demo"})
public class DemoSocialWorkerIds implements ApplicationRunner {

  static final Map<String, String> DEMO_IDS = Map.of(
      "fiona", "SWDEMOFIONA", "sam", "SWDEMOSAM", "lucy", "SWDEMOLUCY", "carl", "SWDEMOCARL");

  private final SocialWorkerRegistrations registrations;

  public DemoSocialWorkerIds(SocialWorkerRegistrations registrations) {
    this.registrations = registrations;
  }

  @Override
  public void run(ApplicationArguments args) {
    DEMO_IDS.forEach((user, swId) -> {
      if (registrations.swIdOf(user).isEmpty()) {
        try {
          registrations.register(user, swId, Instant.now());
        } catch (DataIntegrityViolationException alreadyThere) {
          // another instance of the application on the same database registered it first
        }
      }
    });
  }
}
