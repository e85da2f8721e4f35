package org.timescales.security;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.RedirectStrategy;

/**
 * Spring Security's redirects (after signing in and out) as paths on this site: the remembered page it
 * returns to is stored as an absolute URL built from the request's {@code Host} header, which a client
 * chooses. A path cannot send anyone elsewhere ({@code server.tomcat.use-relative-redirects} keeps the
 * container from making it absolute again, from the same header).
 */
class RelativeRedirects implements RedirectStrategy {

	@Override
	public void sendRedirect(HttpServletRequest request, HttpServletResponse response, String url) throws IOException {
		URI uri = URI.create(url);
		String target = pathOf(uri);
		if (!uri.isAbsolute() && uri.getRawAuthority() == null) {
			// an application-relative target, as Spring Security's own strategy treats it
			target = request.getContextPath() + target;
		}
		response.sendRedirect(response.encodeRedirectURL(target));
	}

	static String pathOf(URI uri) {
		String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
		// never scheme-relative (//elsewhere) nor relative to the current path
		path = "/" + path.replaceFirst("^/+", "");
		return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
	}

}
