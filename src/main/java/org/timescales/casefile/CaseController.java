package org.timescales.casefile;

import java.security.Principal;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/cases/{caseRef}}: the child, who holds it, the referrals, every stage and every clock.
 * {@code POST /api/cases/{caseRef}/child-details}
 * {@code {"sex"?, "ethnicity"?, "upn"?, "upnUnknown"?, "disabilities"?, "reason"}}: record or correct the
 * child's census details, each change audited ({@link ChildDetails}); answers the case as the GET does.
 * Both are guarded by the case's team (security's CaseAccessInterceptor): another team's user is answered
 * 404, an auditor may read but not change (403).
 */
@RestController
@RequestMapping("/api/cases")
class CaseController {

	private final CaseViews views;

	private final ChildDetails details;

	CaseController(CaseViews views, ChildDetails details) {
		this.views = views;
		this.details = details;
	}

	record ChildDetailsRequest(String sex, String ethnicity, String upn, String upnUnknown, List<String> disabilities,
			String reason) {
	}

	@GetMapping("/{caseRef}")
	CaseViews.CaseView get(@PathVariable String caseRef) {
		return views.of(caseRef);
	}

	@PostMapping("/{caseRef}/child-details")
	CaseViews.CaseView changeChildDetails(@PathVariable String caseRef, @RequestBody ChildDetailsRequest request,
			Principal user) {
		details.record(caseRef, new ChildDetails.Details(request.sex(), request.ethnicity(), request.upn(),
				request.upnUnknown(), request.disabilities()), user.getName(), request.reason());
		return views.of(caseRef);
	}

}
