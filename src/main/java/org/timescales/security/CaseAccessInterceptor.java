package org.timescales.security;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every endpoint under {@code /api/cases/{caseRef}} is checked against the case's team before the
 * controller runs: reads need read access, anything else write access. One place, so a new endpoint
 * cannot forget it.
 */
@Configuration
class CaseAccessInterceptor implements HandlerInterceptor, WebMvcConfigurer {

	/** The change of a child's census details (casefile's CaseController), which answers with the case. */
	private static final String ANSWERS_THE_CASE = "/api/cases/{caseRef}/child-details";

	private final CaseAccess access;

	CaseAccessInterceptor(CaseAccess access) {
		this.access = access;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this).addPathPatterns("/api/cases/*", "/api/cases/*/**");
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		@SuppressWarnings("unchecked")
		Map<String, String> path = (Map<String, String>) request
			.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
		String caseRef = path == null ? null : path.get("caseRef");
		if (caseRef != null) {
			if ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) {
				access.requireRead(caseRef);
			}
			else {
				if (ANSWERS_THE_CASE.equals(request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE))) {
					// a command that answers with the child's record: only for those who may read it (not the front door)
					access.requireRead(caseRef);
				}
				access.requireWrite(caseRef);
			}
		}
		return true;
	}

}
