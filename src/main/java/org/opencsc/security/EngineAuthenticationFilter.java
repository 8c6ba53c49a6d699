package org.opencsc.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Tells the engine who is acting for each API request, so history, the four-eyes rule and the
 * engine's authorizations see the signed-in user. /api requests, already allowed by their role rule,
 * run as the application ({@link ApplicationWork}); /engine-rest requests meet the engine's checks.
 */
class EngineAuthenticationFilter extends OncePerRequestFilter {

  private final IdentityServiceLookup identity;

  EngineAuthenticationFilter(IdentityServiceLookup identity) {
    this.identity = identity;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null || !auth.isAuthenticated()) {
      chain.doFilter(request, response);
      return;
    }
    IdentityService identityService = identity.get();
    List<String> groups = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
    identityService.setAuthentication(auth.getName(), groups);
    try {
      if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
        ApplicationWork.during(() -> {
          chain.doFilter(request, response);
          return null;
        });
      } else {
        chain.doFilter(request, response);
      }
    } catch (IOException | ServletException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new ServletException(e);
    } finally {
      identityService.clearAuthentication();
    }
  }

  interface IdentityServiceLookup {
    IdentityService get();
  }
}
