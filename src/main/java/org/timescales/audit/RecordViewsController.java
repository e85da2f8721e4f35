package org.timescales.audit;

import java.time.Instant;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.timescales.casefile.CaseRepository;
import org.timescales.casefile.ChildCase;
import org.timescales.oversight.OversightScope;
import org.timescales.oversight.Viewer;
import org.timescales.refusal.NotFoundException;

/**
 * {@code GET /api/cases/{caseRef}/views}: who looked at a child's record, when and what. For
 * auditors and administrators (any case) and the managers who answer for the case's team (its team
 * manager, its service manager); a practitioner gets 403. Checked here, whatever the security
 * configuration in front does.
 */
@RestController
class RecordViewsController {

	private final RecordViews views;

	private final CaseRepository cases;

	private final OversightScope scope;

	RecordViewsController(RecordViews views, CaseRepository cases, OversightScope scope) {
		this.views = views;
		this.cases = cases;
		this.scope = scope;
	}

	record View(String viewedBy, Instant viewedAt, String what) {
	}

	record Views(String caseRef, List<View> views) {
	}

	@GetMapping("/api/cases/{caseRef}/views")
	Views views(@PathVariable String caseRef) {
		Viewer viewer = OversightScope.requireViewer();
		// refuse a practitioner before saying whether the case exists
		if (!viewer.seesEverything() && scope.teamsOf(viewer).isEmpty()) {
			throw forbidden();
		}
		ChildCase child = cases.findCase(caseRef)
			.orElseThrow(() -> new NotFoundException("No case with reference " + caseRef));
		if (!viewer.seesEverything() && !scope.oversees(viewer, child.team())) {
			throw forbidden();
		}
		return new Views(child.caseRef(),
				views.of(caseRef).stream().map(v -> new View(v.viewedBy(), v.viewedAt(), v.what())).toList());
	}

	private static ResponseStatusException forbidden() {
		return new ResponseStatusException(HttpStatus.FORBIDDEN,
				"Only auditors, administrators and the case's managers see who viewed a record");
	}

}
