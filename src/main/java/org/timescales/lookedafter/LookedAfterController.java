package org.timescales.lookedafter;

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
 * A child's time in care: {@code POST /api/cases/{caseRef}/looked-after}, {@code .../placements},
 * {@code .../left-care} and {@code .../missing-episodes}. Each answers with the clocks of the process
 * it touched.
 */
@RestController
@RequestMapping("/api/cases/{caseRef}")
class LookedAfterController {

	private final LookedAfterService service;

	private final CaseClocks clocks;

	LookedAfterController(LookedAfterService service, CaseClocks clocks) {
		this.service = service;
		this.clocks = clocks;
	}

	record BecameLookedAfter(String becameLookedAfterDate, String placementStartDate, String legalStatus,
			String dateOfBirth) {
	}

	record Placement(String placementStartDate) {
	}

	record LeftCare(String leftCareDate, String reason) {
	}

	record MissingEpisode(String missingFrom, String returnedAt) {
	}

	record Clocks(String processInstanceId, List<ClockView> clocks) {
	}

	@PostMapping("/looked-after")
	ResponseEntity<Clocks> becameLookedAfter(@PathVariable String caseRef, @RequestBody BecameLookedAfter request) {
		LookedAfterService.Started started = service.becomeLookedAfter(caseRef, request.becameLookedAfterDate(),
				request.placementStartDate(), request.legalStatus(), request.dateOfBirth());
		return ResponseEntity.status(started.created() ? HttpStatus.CREATED : HttpStatus.OK)
			.body(clocksOf(started.processInstanceId()));
	}

	@PostMapping("/placements")
	Clocks placement(@PathVariable String caseRef, @RequestBody Placement request) {
		return clocksOf(service.changePlacement(caseRef, request.placementStartDate()));
	}

	@PostMapping("/left-care")
	Clocks leftCare(@PathVariable String caseRef, @RequestBody LeftCare request) {
		return clocksOf(service.leaveCare(caseRef, request.leftCareDate(), request.reason()));
	}

	@PostMapping("/missing-episodes")
	ResponseEntity<Clocks> missing(@PathVariable String caseRef, @RequestBody MissingEpisode request) {
		if (before1900(request.missingFrom())) {
			// year 0 parses, but it is a mistake: refused like any other bad date, nothing started
			throw new org.timescales.refusal.InvalidRequestException("missingFrom", "is not a plausible date");
		}
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(clocksOf(service.missingEpisode(caseRef, request.missingFrom(), request.returnedAt())));
	}

	private static boolean before1900(String eventTime) {
		try {
			return org.timescales.calendar.London.dateOf(org.timescales.calendar.London.parseEventTime(eventTime))
				.getYear() < 1900;
		}
		catch (RuntimeException unparseable) {
			return false; // LookedAfterService names it
		}
	}

	private Clocks clocksOf(String processInstanceId) {
		return new Clocks(processInstanceId, clocks.ofProcessInstance(processInstanceId));
	}

}
