package org.timescales.casefile;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.timescales.audit.RecordViews;
import org.timescales.web.NotFoundException;

/** {@code GET /api/cases/{caseRef}}: the child, the team, the referrals, every stage and every clock. */
@RestController
@RequestMapping("/api/cases")
class CaseController {

	private final CaseRepository cases;

	private final CaseClocks clocks;

	private final CaseStages stages;

	private final RecordViews recordViews;

	CaseController(CaseRepository cases, CaseClocks clocks, CaseStages stages, RecordViews recordViews) {
		this.cases = cases;
		this.clocks = clocks;
		this.stages = stages;
		this.recordViews = recordViews;
	}

	record Child(String givenName, String familyName, LocalDate dateOfBirth) {
	}

	record Referral(String referralId, Instant receivedAt, String source, String team, String processInstanceId) {
	}

	record CaseView(String caseRef, Child child, String team, List<Referral> referrals, List<CaseStages.Stage> stages,
			List<ClockView> clocks) {
	}

	@GetMapping("/{caseRef}")
	CaseView get(@PathVariable String caseRef) {
		ChildCase child = cases.findCase(caseRef)
			.orElseThrow(() -> new NotFoundException("No case with reference " + caseRef));
		// every look at an existing record is logged (committed on its own, before the record is read)
		recordViews.record(caseRef, RecordViews.CASE);
		List<Referral> referrals = cases.referralsOf(caseRef)
			.stream()
			.map(r -> new Referral(r.referralId(), r.receivedAt(), r.source(), r.team(), r.processInstanceId()))
			.toList();
		return new CaseView(child.caseRef(), new Child(child.givenName(), child.familyName(), child.dateOfBirth()),
				child.team(), referrals, stages.of(caseRef), clocks.ofCase(caseRef));
	}

}
