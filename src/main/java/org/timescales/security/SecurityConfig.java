package org.timescales.security;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * Who may reach what. The APIs ({@code /api/**}, {@code /engine-rest/**}) need a user (HTTP basic,
 * checked against Camunda's identity service) and answer 401 without one; our pages (the breaches page,
 * the admin pages) redirect to a login form; {@code /actuator/health} is public; the Camunda webapps
 * under {@code /camunda/**} keep their own login and their own CSRF protection. Auditors change
 * nothing: every write to the API needs a working role. Which cases a user may see is decided per case
 * ({@link CaseAccess}) and, in the engine, by its authorizations ({@link Access}).
 */
@Configuration
class SecurityConfig {

	static final String ADMIN_GROUP = Roles.ADMIN;

	private static final String[] MAY_WRITE = authorities(Roles.PRACTITIONER, Roles.TEAM_MANAGER,
			Roles.SERVICE_MANAGER, Roles.FRONT_DOOR, Roles.ADMIN);

	private static final String[] OVERSEES = authorities(Roles.TEAM_MANAGER, Roles.SERVICE_MANAGER, Roles.AUDITOR,
			Roles.ADMIN);

	@Bean
	@Order(1)
	SecurityFilterChain apiChain(HttpSecurity http, IdentityService identityService) throws Exception {
		// path matchers, not MVC ones: /engine-rest is served by Jersey, outside Spring MVC
		PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
		http.securityMatcher(new OrRequestMatcher(path.matcher("/api/**"), path.matcher("/engine-rest/**"),
				path.matcher("/actuator/**")))
			.authorizeHttpRequests(auth -> auth
				.requestMatchers(path.matcher("/actuator/health"), path.matcher("/actuator/health/**"))
				.permitAll()
				.requestMatchers(path.matcher("/actuator/**"))
				.hasAuthority(group(Roles.ADMIN))
				.requestMatchers(path.matcher(HttpMethod.GET, "/api/**"))
				.authenticated()
				.requestMatchers(path.matcher("/api/**"))
				.hasAnyAuthority(MAY_WRITE)
				.anyRequest()
				.authenticated())
			.httpBasic(basic -> basic.authenticationEntryPoint(new ApiAuthenticationEntryPoint()))
			// stateless basic auth: no session cookie, so no cross-site request to forge
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable())
			.addFilterAfter(new EngineUserFilter(identityService), BasicAuthenticationFilter.class);
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain pageChain(HttpSecurity http, IdentityService identityService) throws Exception {
		PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
		http.securityMatcher(new OrRequestMatcher(path.matcher("/oversight"), path.matcher("/oversight/**"),
				path.matcher("/admin/**"), path.matcher("/cases/**"), path.matcher("/reports/**"),
				path.matcher("/login"), path.matcher("/logout")))
			.authorizeHttpRequests(auth -> auth.requestMatchers(path.matcher("/admin/**"))
				.hasAuthority(group(Roles.ADMIN))
				.requestMatchers(path.matcher("/oversight"), path.matcher("/oversight/**"))
				.hasAnyAuthority(OVERSEES)
				.anyRequest()
				.authenticated())
			// people log in with a form; scripts may still send basic credentials
			.formLogin(Customizer.withDefaults())
			.httpBasic(Customizer.withDefaults())
			.logout(Customizer.withDefaults())
			.addFilterAfter(new EngineUserFilter(identityService), BasicAuthenticationFilter.class);
		return http.build();
	}

	@Bean
	@Order(3)
	SecurityFilterChain webappChain(HttpSecurity http) throws Exception {
		// The Camunda webapps authenticate users themselves and carry their own CSRF filter.
		http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/**"))
			.authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
			.csrf(csrf -> csrf.disable());
		return http.build();
	}

	static String group(String group) {
		return CamundaIdentityAuthenticationProvider.GROUP_PREFIX + group;
	}

	private static String[] authorities(String... groups) {
		String[] authorities = new String[groups.length];
		for (int i = 0; i < groups.length; i++) {
			authorities[i] = group(groups[i]);
		}
		return authorities;
	}

}
