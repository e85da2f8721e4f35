package org.timescales.proceedings;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.timescales.casefile.CaseClocks;
import org.timescales.casefile.ClockView;

/**
 * {@code POST /api/cases/{caseRef}/pre-proceedings} {@code {"reason", "decidedOn"?}}: the holding team's
 * manager refers the case to a legal planning meeting. 201 with the process and its clocks.
 */
@RestController
class PreProceedingsController {

	private final PreProceedingsService service;

	private final CaseClocks clocks;

	PreProceedingsController(PreProceedingsService service, CaseClocks clocks) {
		this.service = service;
		this.clocks = clocks;
	}

	record Referral(String reason, String decidedOn) {
	}

	record Started(String processInstanceId, List<ClockView> clocks) {
	}

	@PostMapping("/api/cases/{caseRef}/pre-proceedings")
	@ResponseStatus(HttpStatus.CREATED)
	Started refer(@PathVariable String caseRef, @RequestBody Referral request) {
		String pid = service.refer(caseRef, request.reason(), request.decidedOn());
		return new Started(pid, clocks.ofProcessInstance(pid));
	}

}
