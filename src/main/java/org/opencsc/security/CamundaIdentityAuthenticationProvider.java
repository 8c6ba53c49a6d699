package org.opencsc.security;

import java.util.List;
import org.camunda.bpm.engine.identity.Group;
import org.opencsc.engine.EngineServices;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/** HTTP Basic on /api and /engine-rest, checked against the Camunda identity (same users as Tasklist). */
@Component
public class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

  private final EngineServices engine;

  public CamundaIdentityAuthenticationProvider(EngineServices engine) {
    this.engine = engine;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String user = authentication.getName();
    Object credentials = authentication.getCredentials();
    String password = credentials == null ? null : credentials.toString();
    if (user == null || password == null || !engine.identityService().checkPassword(user, password)) {
      throw new BadCredentialsException("Unknown user or wrong password");
    }
    List<SimpleGrantedAuthority> groups = engine.identityService().createGroupQuery()
        .groupMember(user).list().stream()
        .map(Group::getId)
        .map(SimpleGrantedAuthority::new)
        .toList();
    return UsernamePasswordAuthenticationToken.authenticated(user, null, groups);
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
