package org.timescales.referral;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;
import org.timescales.calendar.London;
import org.timescales.casefile.CaseClocks;
import org.timescales.casefile.CaseRepository;
import org.timescales.casefile.CensusCodes;
import org.timescales.casefile.ChildCase;
import org.timescales.casefile.ChildDetails;
import org.timescales.casefile.ClockView;
import org.timescales.casefile.LaChildIds;
import org.timescales.casefile.ReferralRecord;
import org.timescales.refusal.FieldError;
import org.timescales.refusal.InvalidRequestException;
import org.timescales.team.Teams;

import static org.timescales.referral.ReferralVariables.*;

/**
 * Receives a referral: checks it, opens (or finds) the child's case and starts the referral process,
 * all in one transaction, so a refused or failed referral leaves nothing behind. The same referral id
 * sent again returns what the first one created.
 */
@Service
public class ReferralService {

	private final CaseRepository cases;

	private final CaseClocks clocks;

	private final RuntimeService runtimeService;

	private final Teams teams;

	private final Clock clock;

	ReferralService(CaseRepository cases, CaseClocks clocks, RuntimeService runtimeService, Teams teams, Clock clock) {
		this.cases = cases;
		this.clocks = clocks;
		this.runtimeService = runtimeService;
		this.teams = teams;
		this.clock = clock;
	}

	/** The outcome: the referral, whether this call created it, and its process's clocks. */
	public record Received(ReferralRecord referral, boolean created, List<ClockView> clocks) {
	}

	@Transactional(readOnly = true)
	public Optional<Received> find(String referralId) {
		return cases.findReferral(referralId)
			.map(r -> new Received(r, false, clocks.ofProcessInstance(r.processInstanceId())));
	}

	/**
	 * A referral for a case already recorded goes to the team that holds the case, whichever team the
	 * request names: only a transfer moves a case between teams.
	 */
	@Transactional
	public Received receive(ReferralRequest request) {
		Optional<Received> existing = find(request.referralId());
		if (existing.isPresent()) {
			return existing.get();
		}
		Instant now = clock.instant();
		List<FieldError> errors = new ArrayList<>();
		Instant receivedAt = receivedAt(request.receivedAt(), now, errors);
		LocalDate dateOfBirth = dateOfBirth(request.child().dateOfBirth(), receivedAt, errors);
		if (!ReferralSource.CODES.contains(request.source())) {
			errors.add(new FieldError("source", "is not a CIN census referral source code (e.g. 1A, 2A, 6, 10)"));
		}
		if (!teams.exists(request.team())) {
			errors.add(new FieldError("team", "is not a known team: " + request.team()));
		}
		String caseRef = request.child().caseRef();
		Optional<ChildCase> knownChild = cases.findCase(caseRef);
		if (knownChild.isPresent() && dateOfBirth != null && !knownChild.get().dateOfBirth().equals(dateOfBirth)) {
			errors.add(new FieldError("child.dateOfBirth",
					"does not match the date of birth already recorded on case " + caseRef));
		}
		String sex = request.child().sex() == null ? null : request.child().sex().strip();
		if (sex == null || !CensusCodes.SEX.contains(sex)) {
			errors.add(new FieldError("child.sex", "must be M, F or U (the CIN census's codes for sex)"));
		}
		String ethnicity = request.child().ethnicity() == null || request.child().ethnicity().isBlank() ? null
				: request.child().ethnicity().strip();
		if (ethnicity != null && !CensusCodes.ETHNICITY.contains(ethnicity)) {
			errors.add(new FieldError("child.ethnicity",
					"is not a CIN census ethnicity code (e.g. WBRI, MWBC, AIND, BAFR, CHNE, OOTH, REFU, NOBT)"));
		}
		String upn = blankAsNull(ChildDetails.normalUpn(request.child().upn()));
		String upnUnknown = blankAsNull(request.child().upnUnknown());
		List<String> disabilities = ChildDetails.normalCodes(request.child().disabilities());
		errors.addAll(ChildDetails.problems("child.", upn, upnUnknown, disabilities));
		String laChildId = laChildId(request.child().laChildId(), errors);
		if (knownChild.isPresent() && laChildId != null && !laChildId.equals(knownChild.get().laChildId())) {
			errors.add(new FieldError("child.laChildId",
					"does not match the LA child ID already recorded on case " + caseRef));
		}
		if (!errors.isEmpty()) {
			throw new InvalidRequestException(errors);
		}
		if (upn != null && cases.caseWithUpn(upn).filter(other -> !other.equals(caseRef)).isPresent()) {
			// as for the LA child ID: the case is not named
			throw new ResponseStatusException(HttpStatus.CONFLICT,
					"child.upn: another child already has this UPN (DfE rule 1520: one child per UPN)");
		}
		if (knownChild.isEmpty()) {
			if (laChildId != null && cases.caseWithLaChildId(laChildId).isPresent()) {
				// said without naming the case: the front door may not see every team's children
				throw new ResponseStatusException(HttpStatus.CONFLICT,
						"child.laChildId: another child already has this LA child ID");
			}
			cases.insertCase(new ChildCase(caseRef, request.child().givenName().strip(),
					request.child().familyName().strip(), dateOfBirth, request.team(), laChildId, sex, ethnicity, upn, upnUnknown, disabilities),
					now, receivedAt);
		}
		else {
			cases.recordMissingCensusDetails(caseRef, sex, ethnicity, upn, upnUnknown, disabilities);
		}
		String team = knownChild.map(ChildCase::team).orElse(request.team());
		ProcessInstance process = runtimeService.startProcessInstanceByKey(PROCESS_KEY, caseRef,
				Map.of(CASE_REF, caseRef, TEAM, team, REFERRAL_ID, request.referralId(), REFERRAL_SOURCE,
						request.source(), REFERRAL_RECEIVED_AT, Date.from(receivedAt)));
		ReferralRecord referral = new ReferralRecord(request.referralId(), caseRef, receivedAt, request.source(), team,
				process.getId());
		cases.insertReferral(referral, now);
		return new Received(referral, true, clocks.ofProcessInstance(process.getId()));
	}

	private static String blankAsNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	private static String laChildId(String text, List<FieldError> errors) {
		if (text == null || text.isBlank()) {
			return null;
		}
		if (!LaChildIds.isValid(text.strip())) {
			errors.add(new FieldError("child.laChildId",
					"must be letters and digits only, at most " + LaChildIds.MAX_LENGTH + " (the CIN census's LA child ID)"));
			return null;
		}
		return text.strip();
	}

	private static Instant receivedAt(String text, Instant now, List<FieldError> errors) {
		try {
			Instant receivedAt = London.parseEventTime(text);
			if (receivedAt.isAfter(now)) {
				errors.add(new FieldError("receivedAt", "is in the future"));
			}
			return receivedAt;
		}
		catch (IllegalArgumentException | DateTimeParseException ex) {
			errors.add(new FieldError("receivedAt",
					"must be an ISO date-time, e.g. 2026-11-23T09:30:00 (Europe/London) or 2026-11-23T09:30:00Z"));
			return null;
		}
	}

	private static LocalDate dateOfBirth(String text, Instant receivedAt, List<FieldError> errors) {
		try {
			LocalDate dateOfBirth = LocalDate.parse(text);
			if (receivedAt != null && dateOfBirth.isAfter(London.dateOf(receivedAt))) {
				errors.add(new FieldError("child.dateOfBirth", "is after the referral was received"));
			}
			return dateOfBirth;
		}
		catch (DateTimeParseException ex) {
			errors.add(new FieldError("child.dateOfBirth", "must be a date, YYYY-MM-DD"));
			return null;
		}
	}

}
