package org.timescales.proceedings;

import java.security.Principal;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.timescales.casefile.CaseClocks;
import org.timescales.casefile.ClockView;

/**
 * {@code POST /api/cases/{caseRef}/care-proceedings} {@code {"decisionToIssueDate", "reason"}}: the holding
 * team's manager applies to the court at once, without pre-proceedings. Answers 201 with the process and
 * its clock (the application to be issued); 409 while proceedings are already running for the child.
 */
@RestController
@RequestMapping("/api/cases/{caseRef}")
class CareProceedingsController {

	private final CareProceedings proceedings;

	private final CaseClocks clocks;

	CareProceedingsController(CareProceedings proceedings, CaseClocks clocks) {
		this.proceedings = proceedings;
		this.clocks = clocks;
	}

	record Application(String decisionToIssueDate, String reason) {
	}

	record Started(String processInstanceId, List<ClockView> clocks) {
	}

	@PostMapping("/care-proceedings")
	ResponseEntity<Started> apply(@PathVariable String caseRef, @RequestBody Application request, Principal user) {
		String pid = proceedings.applyUrgently(caseRef, request.decisionToIssueDate(), request.reason(), user.getName());
		return ResponseEntity.status(HttpStatus.CREATED).body(new Started(pid, clocks.ofProcessInstance(pid)));
	}

}
