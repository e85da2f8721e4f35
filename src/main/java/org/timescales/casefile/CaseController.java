package org.timescales.casefile;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/cases/{caseRef}}: the child, who holds it, the referrals, every stage and every clock. */
@RestController
@RequestMapping("/api/cases")
class CaseController {

	private final CaseViews views;

	CaseController(CaseViews views) {
		this.views = views;
	}

	@GetMapping("/{caseRef}")
	CaseViews.CaseView get(@PathVariable String caseRef) {
		return views.of(caseRef);
	}

}
