package org.opencsc.security;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.opencsc.api.ForbiddenException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is signed in to /api, and the role checks controllers make (groups of journey.md). */
public final class CurrentUser {

  private CurrentUser() {}

  public static String id() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    return auth == null ? null : auth.getName();
  }

  public static Set<String> groups() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    return auth == null ? Set.of()
        : auth.getAuthorities().stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
  }

  public static boolean inAnyGroup(String... groups) {
    Set<String> mine = groups();
    return Arrays.stream(groups).anyMatch(mine::contains);
  }

  /** 403 unless the signed-in user is in one of {@code groups}. */
  public static void requireAnyGroup(String what, String... groups) {
    if (!inAnyGroup(groups)) {
      throw new ForbiddenException("Only " + String.join(", ", groups) + " may " + what);
    }
  }
}
