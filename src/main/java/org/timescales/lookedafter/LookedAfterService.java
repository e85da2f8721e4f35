package org.timescales.lookedafter;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.timescales.calendar.London;
import org.timescales.casefile.CaseRepository;
import org.timescales.casefile.ChildCase;
import org.timescales.pathway.Pathway;
import org.timescales.refusal.InvalidRequestException;
import org.timescales.refusal.NotFoundException;

import static org.timescales.lookedafter.LookedAfterVariables.*;

/**
 * A child's time in care, as the API and the pathway record it: becoming looked after, placement
 * changes, missing episodes, leaving care. Each checks its dates against what is already recorded
 * (nothing before the child became looked after, nothing in the future) and changes nothing when
 * refused.
 */
@Service
public class LookedAfterService {

	/** SSDA903 legal status codes. */
	static final Set<String> LEGAL_STATUSES = Set.of("C1", "C2", "D1", "E1", "J1", "J2", "J3", "L1", "L2", "L3", "V2",
			"V3", "V4");

	private final RuntimeService runtimeService;

	private final CaseRepository cases;

	private final Pathway pathway;

	private final Clock clock;

	LookedAfterService(RuntimeService runtimeService, CaseRepository cases, Pathway pathway, Clock clock) {
		this.runtimeService = runtimeService;
		this.cases = cases;
		this.pathway = pathway;
		this.clock = clock;
	}

	/** The running looked-after process, and whether this call started it. */
	public record Started(String processInstanceId, boolean created) {
	}

	@Transactional
	public Started becomeLookedAfter(String caseRef, String becameLookedAfterDate, String placementStartDate,
			String legalStatus, String dateOfBirth) {
		ChildCase child = cases.findCase(caseRef).orElseThrow(() -> new NotFoundException("No case " + caseRef));
		LocalDate became = pastDate("becameLookedAfterDate", becameLookedAfterDate);
		LocalDate placed = pastDate("placementStartDate", placementStartDate);
		if (placed.isBefore(became)) {
			throw new InvalidRequestException("placementStartDate", "is before the child became looked after (" + became + ")");
		}
		String status = legalStatus(legalStatus);
		if (dateOfBirth != null && !dateOfBirth.isBlank() && !dateOfBirth.strip().equals(child.dateOfBirth().toString())) {
			throw new InvalidRequestException("dateOfBirth", "does not match the date of birth on case " + caseRef);
		}
		if (became.isBefore(child.dateOfBirth())) {
			throw new InvalidRequestException("becameLookedAfterDate", "is before the child's date of birth");
		}
		ProcessInstance running = running(caseRef);
		if (running != null) {
			if (became.toString().equals(runtimeService.getVariable(running.getId(), BECAME_LOOKED_AFTER_DATE))) {
				return new Started(running.getId(), false);
			}
			throw new InvalidRequestException("caseRef", "is already looked after: record a placement change instead");
		}
		String pid = runtimeService.createMessageCorrelation(BECAME_LOOKED_AFTER)
			.processInstanceBusinessKey(caseRef)
			.setVariables(Map.of("caseRef", caseRef, "team", child.team(), BECAME_LOOKED_AFTER_DATE, became.toString(),
					PLACEMENT_START_DATE, placed.toString(), FIRST_PLACEMENT_START_DATE, placed.toString(), LEGAL_STATUS,
					status, DATE_OF_BIRTH, child.dateOfBirth().toString()))
			.correlateStartMessage()
			.getId();
		return new Started(pid, true);
	}

	@Transactional
	public String changePlacement(String caseRef, String placementStartDate) {
		ProcessInstance lookedAfter = requireLookedAfter(caseRef);
		LocalDate placed = pastDate("placementStartDate", placementStartDate);
		LocalDate became = recorded(lookedAfter, BECAME_LOOKED_AFTER_DATE);
		if (placed.isBefore(became)) {
			throw new InvalidRequestException("placementStartDate", "is before the child became looked after (" + became + ")");
		}
		if (placed.isBefore(recorded(lookedAfter, PLACEMENT_START_DATE))) {
			throw new InvalidRequestException("placementStartDate",
					"is before the current placement started (" + recorded(lookedAfter, PLACEMENT_START_DATE) + ")");
		}
		runtimeService.createMessageCorrelation(PLACEMENT_CHANGED)
			.processInstanceId(lookedAfter.getId())
			// a new placement is not yet agreed to last until 18
			.setVariables(Map.of(PLACEMENT_START_DATE, placed.toString(), PLACEMENT_UNTIL_18, "no"))
			.correlate();
		return lookedAfter.getId();
	}

	@Transactional
	public String leaveCare(String caseRef, String leftCareDate, String reason) {
		ProcessInstance lookedAfter = requireLookedAfter(caseRef);
		LocalDate left = pastDate("leftCareDate", leftCareDate);
		LocalDate became = recorded(lookedAfter, BECAME_LOOKED_AFTER_DATE);
		if (left.isBefore(became)) {
			throw new InvalidRequestException("leftCareDate", "is before the child became looked after (" + became + ")");
		}
		if (reason == null || reason.isBlank()) {
			throw new InvalidRequestException("reason", "is required: why the child left care");
		}
		pathway.cancelOpenWork(lookedAfter.getId(), "Left care on " + left + ": " + reason.strip());
		runtimeService.createMessageCorrelation(CHILD_LEFT_CARE)
			.processInstanceId(lookedAfter.getId())
			.setVariables(Map.of(LEFT_CARE_DATE, left.toString(), LEFT_CARE_REASON, reason.strip()))
			.correlate();
		return lookedAfter.getId();
	}

	/** A missing episode: the return home interview is due 72 hours after the child came back. */
	@Transactional
	public String missingEpisode(String caseRef, String missingFrom, String returnedAt) {
		ChildCase child = cases.findCase(caseRef).orElseThrow(() -> new NotFoundException("No case " + caseRef));
		Instant from = pastInstant("missingFrom", missingFrom);
		Instant back = pastInstant("returnedAt", returnedAt);
		if (!back.isAfter(from)) {
			throw new InvalidRequestException("returnedAt", "must be after missingFrom");
		}
		return runtimeService.startProcessInstanceByKey(RETURN_HOME_INTERVIEW, caseRef,
				Map.of("caseRef", caseRef, "team", child.team(), MISSING_FROM, Date.from(from), RETURNED_AT,
						Date.from(back)))
			.getId();
	}

	ProcessInstance running(String caseRef) {
		return runtimeService.createProcessInstanceQuery()
			.processDefinitionKey(PROCESS_KEY)
			.processInstanceBusinessKey(caseRef)
			.singleResult();
	}

	private ProcessInstance requireLookedAfter(String caseRef) {
		cases.findCase(caseRef).orElseThrow(() -> new NotFoundException("No case " + caseRef));
		ProcessInstance lookedAfter = running(caseRef);
		if (lookedAfter == null) {
			throw new InvalidRequestException("caseRef", "is not a looked-after child");
		}
		return lookedAfter;
	}

	private LocalDate recorded(ProcessInstance instance, String variable) {
		return LocalDate.parse(runtimeService.getVariable(instance.getId(), variable).toString());
	}

	static String legalStatus(String code) {
		String status = code == null ? "" : code.strip().toUpperCase(java.util.Locale.UK);
		if (status.equals("S20")) {
			return "V2"; // accommodated under section 20: SSDA903 code V2
		}
		if (!LEGAL_STATUSES.contains(status)) {
			throw new InvalidRequestException("legalStatus",
					"is not an SSDA903 legal status code (C1, C2, D1, E1, J1, J2, J3, L1, L2, L3, V2, V3, V4)");
		}
		return status;
	}

	private LocalDate pastDate(String field, String text) {
		LocalDate date;
		try {
			date = LocalDate.parse(text == null ? "" : text.strip());
		}
		catch (DateTimeParseException ex) {
			throw new InvalidRequestException(field, "must be a date, YYYY-MM-DD");
		}
		if (date.isAfter(LocalDate.now(clock.withZone(London.ZONE)))) {
			throw new InvalidRequestException(field, "is in the future");
		}
		return date;
	}

	private Instant pastInstant(String field, String text) {
		Instant at;
		try {
			at = London.parseEventTime(text == null ? "" : text.strip());
		}
		catch (RuntimeException ex) {
			throw new InvalidRequestException(field, "must be an ISO date-time, e.g. 2027-05-28T18:00:00");
		}
		if (at.isAfter(clock.instant())) {
			throw new InvalidRequestException(field, "is in the future");
		}
		return at;
	}

}
