package org.timescales.security;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * Who may reach what. {@code /api/**}, {@code /engine-rest/**} and {@code /admin/**} need a user
 * (HTTP basic, checked against Camunda's identity service); {@code /actuator/health} is public; the
 * Camunda webapps under {@code /camunda/**} keep their own login and their own CSRF protection.
 */
@Configuration
class SecurityConfig {

	static final String ADMIN_GROUP = "camunda-admin";

	@Bean
	@Order(1)
	SecurityFilterChain apiChain(HttpSecurity http, IdentityService identityService) throws Exception {
		// path matchers, not MVC ones: /engine-rest is served by Jersey, outside Spring MVC
		PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
		http.securityMatcher(new OrRequestMatcher(path.matcher("/api/**"), path.matcher("/engine-rest/**"),
				path.matcher("/admin/**"), path.matcher("/actuator/**")))
			.authorizeHttpRequests(auth -> auth.requestMatchers(path.matcher("/actuator/health"), path.matcher("/actuator/health/**"))
				.permitAll()
				.requestMatchers(path.matcher("/admin/**"))
				.hasAuthority(CamundaIdentityAuthenticationProvider.GROUP_PREFIX + ADMIN_GROUP)
				.anyRequest()
				.authenticated())
			.httpBasic(Customizer.withDefaults())
			// stateless basic auth: no session cookie, so no cross-site request to forge
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable())
			.addFilterAfter(new EngineUserFilter(identityService), BasicAuthenticationFilter.class);
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain webappChain(HttpSecurity http) throws Exception {
		// The Camunda webapps authenticate users themselves and carry their own CSRF filter.
		http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/**"))
			.authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
			.csrf(csrf -> csrf.disable());
		return http.build();
	}

}
