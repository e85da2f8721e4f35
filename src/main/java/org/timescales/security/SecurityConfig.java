package org.timescales.security;

import java.util.List;

import jakarta.servlet.DispatcherType;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.logout.SimpleUrlLogoutSuccessHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.timescales.web.ApiProblem;

/**
 * Who may reach what. The APIs ({@code /api/**}, {@code /engine-rest/**}) need a user (HTTP basic,
 * checked against Camunda's identity service) and answer 401 without one; our pages (the breaches page,
 * the admin pages) redirect to a login form; the API's OpenAPI document ({@code /v3/api-docs}, and its
 * browser {@code /swagger-ui.html}) needs a user too; {@code /actuator/health} is public; the Camunda webapps
 * under {@code /camunda/**} keep their own login and their own CSRF protection. Auditors change
 * nothing: every write to the API needs a working role. Which cases a user may see is decided per case
 * ({@link CaseAccess}) from the team that holds it; in the engine, a worker is granted only the tasks
 * they are a candidate or assignee of ({@link Access}).
 * <p>
 * In front of all chains: failed sign-ins are limited per client at every door where a password is
 * checked ({@link LoginThrottleFilter}), and answers that can carry a child's data are never stored
 * ({@link NoStoreHeaders}). Our pages send a strict Content-Security-Policy (they have no inline style
 * or script: their stylesheet is {@code /css/timescales.css}); every redirect is a path on this site,
 * never built from the request's {@code Host} header.
 */
@Configuration
class SecurityConfig {

	static final String ADMIN_GROUP = Roles.ADMIN;

	private static final String[] MAY_WRITE = authorities(Roles.WRITERS.toArray(String[]::new));

	private static final String[] OVERSEES = authorities(Roles.TEAM_MANAGER, Roles.SERVICE_MANAGER, Roles.AUDITOR,
			Roles.ADMIN);

	/** Our pages: nothing inline, nothing from elsewhere, no framing, forms post only here. */
	static final String PAGE_POLICY = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
			+ "frame-ancestors 'none'; base-uri 'none'";

	@Bean
	FilterRegistrationBean<NoStoreHeaders> noStoreHeaders() {
		FilterRegistrationBean<NoStoreHeaders> registration = new FilterRegistrationBean<>(new NoStoreHeaders());
		registration.addUrlPatterns(NoStoreHeaders.URL_PATTERNS);
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.ASYNC);
		// before Spring Security, so that its refusals (401, 403) and the throttle's 429 carry it too
		registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 2);
		return registration;
	}

	@Bean
	FilterRegistrationBean<LoginThrottleFilter> loginThrottleFilter(LoginThrottle throttle) {
		FilterRegistrationBean<LoginThrottleFilter> registration = new FilterRegistrationBean<>(
				new LoginThrottleFilter(throttle));
		// every path: basic credentials are checked by whichever chain a request falls into, the
		// webapps' login by Camunda itself; before Spring Security, so an over-budget password is never checked
		registration.addUrlPatterns("/*");
		registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 1);
		return registration;
	}

	/**
	 * A request the firewall refuses before any chain (an encoded "%", ";" or ".." in its path): on
	 * {@code /api} a 400 problem detail like every other /api error, elsewhere Spring's 400 as before.
	 */
	@Bean
	RequestRejectedHandler requestRejected() {
		RequestRejectedHandler otherwise = new HttpStatusRequestRejectedHandler();
		return (request, response, rejected) -> {
			if (ApiProblem.isApi(request)) {
				ApiProblem.write(request, response, ApiProblem.of(HttpStatus.BAD_REQUEST, null, null));
			}
			else {
				otherwise.handle(request, response, rejected);
			}
		};
	}

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
			.exceptionHandling(refusals -> refusals.accessDeniedHandler(apiAccessDenied()))
			// stateless basic auth: no session cookie, so no cross-site request to forge
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable())
			.addFilterAfter(new EngineUserFilter(identityService), BasicAuthenticationFilter.class);
		return http.build();
	}

	/**
	 * The OpenAPI document of {@code /api} and its browser (springdoc: web.OpenApiConfig), for anyone
	 * signed in: with basic credentials, as the API, or with the session of our pages' login form; 401
	 * otherwise. It describes the API, not a child, but it is not for the public either.
	 */
	@Bean
	@Order(2)
	SecurityFilterChain apiDocsChain(HttpSecurity http) throws Exception {
		PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
		// /v3/api-docs, .yaml, /swagger-config; /swagger-ui.html and the files under /swagger-ui/
		http.securityMatcher(new OrRequestMatcher(path.matcher("/v3/api-docs*"), path.matcher("/v3/api-docs/**"),
				path.matcher("/swagger-ui*"), path.matcher("/swagger-ui/**")))
			.authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
			.httpBasic(basic -> basic.authenticationEntryPoint(new ApiAuthenticationEntryPoint()))
			// an anonymous look is refused, not remembered in a new session
			.requestCache(cache -> cache.disable())
			// read only: nothing to forge
			.csrf(csrf -> csrf.disable());
		return http.build();
	}

	@Bean
	@Order(3)
	SecurityFilterChain pageChain(HttpSecurity http, IdentityService identityService) throws Exception {
		PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
		// /default-ui.css: the login page's stylesheet, served by this chain's login page filters
		http.securityMatcher(new OrRequestMatcher(path.matcher("/oversight"), path.matcher("/oversight/**"),
				path.matcher("/admin/**"), path.matcher("/cases/**"), path.matcher("/reports/**"),
				path.matcher("/start"), path.matcher("/my/**"), path.matcher("/login"), path.matcher("/logout"), path.matcher("/default-ui.css")))
			.authorizeHttpRequests(auth -> auth.requestMatchers(path.matcher("/default-ui.css"))
				.permitAll()
				.requestMatchers(path.matcher("/admin/**"))
				.hasAuthority(group(Roles.ADMIN))
				.requestMatchers(path.matcher("/oversight"), path.matcher("/oversight/**"))
				.hasAnyAuthority(OVERSEES)
				.anyRequest()
				.authenticated())
			// people log in with a form; scripts may still send basic credentials
			.formLogin(form -> form.failureUrl("/login?error")
				.failureHandler(failure("/login?error"))
				.successHandler(success())
				.withObjectPostProcessor(new ObjectPostProcessor<LoginUrlAuthenticationEntryPoint>() {

					@Override
					public <O extends LoginUrlAuthenticationEntryPoint> O postProcess(O entryPoint) {
						// "/login", not http://<whatever Host said>/login
						entryPoint.setFavorRelativeUris(true);
						return entryPoint;
					}

				}))
			.httpBasic(Customizer.withDefaults())
			.logout(logout -> logout.logoutSuccessHandler(loggedOut("/login?logout")))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(PAGE_POLICY)))
			.addFilterAfter(new EngineUserFilter(identityService), BasicAuthenticationFilter.class);
		return http.build();
	}

	@Bean
	@Order(4)
	SecurityFilterChain webappChain(HttpSecurity http) throws Exception {
		// The Camunda webapps authenticate users themselves and carry their own CSRF filter.
		http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/**"))
			.authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
			.csrf(csrf -> csrf.disable());
		return http.build();
	}

	/**
	 * A signed-in user refused by the rules above (an auditor writing) gets, on {@code /api}, the problem
	 * detail of every other /api error; the engine's API and actuator, Spring's 403 as before.
	 */
	private static AccessDeniedHandler apiAccessDenied() {
		AccessDeniedHandler otherwise = new AccessDeniedHandlerImpl();
		return (request, response, denied) -> {
			if (ApiProblem.isApi(request)) {
				ApiProblem.write(request, response, ApiProblem.of(HttpStatus.FORBIDDEN, null, List.of()));
			}
			else {
				otherwise.handle(request, response, denied);
			}
		};
	}

	private static SavedRequestAwareAuthenticationSuccessHandler success() {
		SavedRequestAwareAuthenticationSuccessHandler handler = new SavedRequestAwareAuthenticationSuccessHandler();
		// signed in without a page asked for: the start page, which takes each role to its pages
		handler.setDefaultTargetUrl("/start");
		handler.setRedirectStrategy(new RelativeRedirects());
		return handler;
	}

	private static SimpleUrlAuthenticationFailureHandler failure(String url) {
		SimpleUrlAuthenticationFailureHandler handler = new SimpleUrlAuthenticationFailureHandler(url);
		handler.setRedirectStrategy(new RelativeRedirects());
		return handler;
	}

	private static SimpleUrlLogoutSuccessHandler loggedOut(String url) {
		SimpleUrlLogoutSuccessHandler handler = new SimpleUrlLogoutSuccessHandler();
		handler.setDefaultTargetUrl(url);
		handler.setRedirectStrategy(new RelativeRedirects());
		return handler;
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
