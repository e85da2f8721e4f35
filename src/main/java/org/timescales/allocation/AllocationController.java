package org.timescales.allocation;

import java.security.Principal;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.timescales.casefile.CaseViews;

/**
 * {@code POST /api/cases/{caseRef}/allocation} {@code {"worker", "supervisor"?, "reason"}} and
 * {@code POST /api/cases/{caseRef}/transfer} {@code {"team", "reason"}}: a team's managers change who
 * holds a child. Both answer with the case as {@code GET /api/cases/{caseRef}} shows it (after a
 * transfer, to whoever may still read it).
 */
@RestController
@RequestMapping("/api/cases/{caseRef}")
class AllocationController {

	private final Allocations allocations;

	private final CaseViews views;

	AllocationController(Allocations allocations, CaseViews views) {
		this.allocations = allocations;
		this.views = views;
	}

	record AllocationRequest(String worker, String supervisor, String reason) {
	}

	record TransferRequest(String team, String reason) {
	}

	@PostMapping("/allocation")
	CaseViews.CaseView allocate(@PathVariable String caseRef, @RequestBody AllocationRequest request, Principal user) {
		allocations.allocate(caseRef, request.worker(), request.supervisor(), request.reason(), user.getName());
		return views.of(caseRef);
	}

	@PostMapping("/transfer")
	Object transfer(@PathVariable String caseRef, @RequestBody TransferRequest request, Principal user) {
		var transfer = allocations.transfer(caseRef, request.team(), request.reason(), user.getName());
		return new Transferred(transfer.caseRef(), transfer.fromTeam(), transfer.toTeam(), transfer.at().toString(),
				transfer.by(), transfer.reason());
	}

	/** What a transfer answers: the old team's manager may no longer read the case itself. */
	record Transferred(String caseRef, String fromTeam, String toTeam, String at, String by, String reason) {
	}

}
