package org.timescales.complaint;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.timescales.calendar.London;
import org.timescales.casefile.CaseClocks;
import org.timescales.casefile.CaseRepository;
import org.timescales.casefile.ClockView;
import org.timescales.refusal.InvalidRequestException;
import org.timescales.security.CaseAccess;

/**
 * {@code POST /api/complaints}: a stage 1 complaint about a case starts its 10-working-day clock (the
 * first clock a manager may extend, to 20). The same complaint id again answers 200.
 */
@RestController
@RequestMapping("/api/complaints")
class ComplaintController {

	static final String PROCESS_KEY = "complaint";

	private final RuntimeService runtimeService;

	private final HistoryService historyService;

	private final CaseRepository cases;

	private final CaseClocks clocks;

	private final Clock clock;

	private final CaseAccess access;

	ComplaintController(RuntimeService runtimeService, HistoryService historyService, CaseRepository cases,
			CaseClocks clocks, Clock clock, CaseAccess access) {
		this.access = access;
		this.runtimeService = runtimeService;
		this.historyService = historyService;
		this.cases = cases;
		this.clocks = clocks;
		this.clock = clock;
	}

	record ComplaintRequest(@NotBlank @Size(max = 64) String complaintId, @NotBlank @Size(max = 64) String caseRef,
			@NotBlank @Size(max = 40) String receivedAt) {
	}

	record ComplaintResponse(String complaintId, String caseRef, String processInstanceId, List<ClockView> clocks) {
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Transactional
	ResponseEntity<ComplaintResponse> receive(@Valid @RequestBody ComplaintRequest request) {
		access.requireWrite(request.caseRef());
		HistoricProcessInstance existing = historyService.createHistoricProcessInstanceQuery()
			.processDefinitionKey(PROCESS_KEY)
			.variableValueEquals("complaintId", request.complaintId())
			.singleResult();
		if (existing != null && !request.caseRef().equals(existing.getBusinessKey())) {
			// a resend names its own case; another case's complaint is not shown, nor which case it is
			throw new ResponseStatusException(HttpStatus.CONFLICT,
					"complaintId: this id is already recorded for another case");
		}
		if (existing != null) {
			return ResponseEntity.ok(response(request, existing.getId()));
		}
		var child = cases.findCase(request.caseRef())
			.orElseThrow(() -> new InvalidRequestException("caseRef", "is not a known case"));
		Instant receivedAt;
		try {
			receivedAt = London.parseEventTime(request.receivedAt());
		}
		catch (IllegalArgumentException | java.time.DateTimeException ex) {
			throw new InvalidRequestException("receivedAt", "must be an ISO date or date-time");
		}
		if (London.dateOf(receivedAt).getYear() < 1900) {
			// year 0 parses, but no complaint is that old: refused like any other bad date, nothing started
			throw new InvalidRequestException("receivedAt", "is not a plausible date");
		}
		if (receivedAt.isAfter(clock.instant())) {
			throw new InvalidRequestException("receivedAt", "is in the future");
		}
		String pid = runtimeService.startProcessInstanceByKey(PROCESS_KEY, child.caseRef(),
				Map.of("caseRef", child.caseRef(), "team", child.team(), "complaintId", request.complaintId(),
						"complaintReceivedAt", Date.from(receivedAt)))
			.getId();
		return ResponseEntity.status(HttpStatus.CREATED).body(response(request, pid));
	}

	private ComplaintResponse response(ComplaintRequest request, String pid) {
		return new ComplaintResponse(request.complaintId(), request.caseRef(), pid, clocks.ofProcessInstance(pid));
	}

}
