package org.opencsc.security;

import org.opencsc.engine.EngineServices;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

@Configuration
public class SecurityConfig {

  /** The APIs: HTTP Basic against the Camunda identity, no sessions, so no CSRF surface. */
  @Bean
  @Order(1)
  SecurityFilterChain apiSecurity(HttpSecurity http, CamundaIdentityAuthenticationProvider provider,
      EngineServices engine) throws Exception {
    // Path matchers, not MVC matchers: /engine-rest is a Jersey servlet outside Spring MVC.
    http.securityMatcher(new OrRequestMatcher(
            PathPatternRequestMatcher.withDefaults().matcher("/api/**"),
            PathPatternRequestMatcher.withDefaults().matcher("/engine-rest/**")))
        .authenticationProvider(provider)
        .authorizeHttpRequests(SecurityConfig::apiRules)
        .httpBasic(basic -> basic.realmName("Children's social care"))
        .csrf(csrf -> csrf.disable())
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .exceptionHandling(errors -> errors.authenticationEntryPoint(new JsonAuthenticationEntryPoint())
            .accessDeniedHandler(new JsonAccessDeniedHandler()))
        .addFilterBefore(new WebappSessionAuthenticationFilter(() -> engine.engine().getName()), AuthorizationFilter.class)
        .addFilterBefore(new EngineAuthenticationFilter(engine::identityService), AuthorizationFilter.class);
    return http.build();
  }

  /**
   * /api by role ({@link ApiAccessRules}); /engine-rest for anyone signed in, because the engine's
   * own authorizations decide there (RoleGrants).
   */
  private static void apiRules(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
    PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
    for (ApiAccessRules.Rule rule : ApiAccessRules.RULES) {
      requests.requestMatchers(paths.matcher(rule.method(), rule.pattern()))
          .hasAnyAuthority(rule.groups().toArray(String[]::new));
    }
    requests.requestMatchers(paths.matcher("/engine-rest/**")).authenticated()
        .anyRequest().hasAnyAuthority(Roles.ADMINS);
  }

  /**
   * The Camunda webapps (Tasklist, Cockpit, Admin) have their own login, session and CSRF filter;
   * Spring Security only adds headers here.
   */
  @Bean
  @Order(2)
  SecurityFilterChain webappSecurity(HttpSecurity http) throws Exception {
    http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .csrf(csrf -> csrf.disable())
        .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()))
        .httpBasic(basic -> basic.disable())
        .formLogin(form -> form.disable())
        .exceptionHandling(Customizer.withDefaults());
    return http.build();
  }

}
