package org.opencsc.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Pages (audit view, dashboard) read /api with the login of Tasklist and Cockpit: someone signed in
 * to the Camunda webapps is the same person here. Only for reading (GET), so a cookie can never
 * be used to change anything; changes need HTTP Basic.
 */
class WebappSessionAuthenticationFilter extends OncePerRequestFilter {

  private final Supplier<String> engineName;

  WebappSessionAuthenticationFilter(Supplier<String> engineName) {
    this.engineName = engineName;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    HttpSession session = request.getSession(false);
    boolean reading = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
    org.springframework.security.core.Authentication current = SecurityContextHolder.getContext().getAuthentication();
    boolean signedOut = current == null || current instanceof AnonymousAuthenticationToken;
    if (reading && session != null && request.getHeader(HttpHeaders.AUTHORIZATION) == null && signedOut) {
      Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
      Authentication signedIn = authentications == null ? null
          : authentications.getAuthenticationForProcessEngine(engineName.get());
      if (signedIn instanceof UserAuthentication user) {
        List<SimpleGrantedAuthority> groups = user.getGroupIds() == null ? List.of()
            : user.getGroupIds().stream().map(SimpleGrantedAuthority::new).toList();
        SecurityContextHolder.getContext().setAuthentication(
            UsernamePasswordAuthenticationToken.authenticated(user.getIdentityId(), null, groups));
      }
    }
    chain.doFilter(request, response);
  }
}
