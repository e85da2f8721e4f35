package org.timescales.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers that can carry a child's data are never stored by a browser, a proxy or a shared computer:
 * {@code no-store} on our API, the engine's REST API, the webapps' APIs under {@code /camunda/api} and
 * our pages, errors included. Whatever runs later cannot weaken it: Jersey and Camunda set
 * {@code Cache-Control: no-cache} (storable) on {@code /engine-rest}, which is why this is a filter and
 * not Spring Security's header (that one steps aside when a header is already set). The webapps'
 * scripts and styles are left cacheable: they hold no data.
 */
class NoStoreHeaders extends OncePerRequestFilter {

	static final String NO_STORE = "no-cache, no-store, max-age=0, must-revalidate";

	static final String[] URL_PATTERNS = { "/api/*", "/engine-rest/*", "/camunda/api/*", "/oversight", "/oversight/*",
			"/cases/*", "/reports/*", "/admin/*", "/login", "/logout" };

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		response.setHeader(HttpHeaders.CACHE_CONTROL, NO_STORE);
		response.setHeader(HttpHeaders.PRAGMA, "no-cache");
		chain.doFilter(request, new HttpServletResponseWrapper(response) {

			@Override
			public void setHeader(String name, String value) {
				if (!HttpHeaders.CACHE_CONTROL.equalsIgnoreCase(name)) {
					super.setHeader(name, value);
				}
			}

			@Override
			public void addHeader(String name, String value) {
				if (!HttpHeaders.CACHE_CONTROL.equalsIgnoreCase(name)) {
					super.addHeader(name, value);
				}
			}

			@Override
			public void reset() {
				super.reset();
				super.setHeader(HttpHeaders.CACHE_CONTROL, NO_STORE);
				super.setHeader(HttpHeaders.PRAGMA, "no-cache");
			}

		});
	}

}
