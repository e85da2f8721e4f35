package org.timescales.proceedings;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;
import org.timescales.calendar.London;
import org.timescales.casefile.CaseRepository;
import org.timescales.casefile.ChildCase;
import org.timescales.refusal.FieldError;
import org.timescales.refusal.InvalidRequestException;
import org.timescales.refusal.NotFoundException;
import org.timescales.security.CaseAccess;

/**
 * The API door to pre-proceedings: the holding team's manager refers a case to a legal planning meeting
 * (any child, and the only door for a looked-after child, whose process has no such outcome).
 */
@Service
public class PreProceedingsService {

	private final CaseRepository cases;

	private final CaseAccess access;

	private final PreProceedings preProceedings;

	private final Clock clock;

	PreProceedingsService(CaseRepository cases, CaseAccess access, PreProceedings preProceedings, Clock clock) {
		this.cases = cases;
		this.access = access;
		this.preProceedings = preProceedings;
		this.clock = clock;
	}

	/**
	 * Refers the case, decided on {@code decidedOn} (today when absent): starts preProceedings, whose legal
	 * planning meeting falls due from that date. Under the case's row lock, so two referrals at once make one.
	 */
	@Transactional
	public String refer(String caseRef, String reason, String decidedOn) {
		ChildCase child = cases.lock(caseRef).orElseThrow(() -> new NotFoundException("No case with reference " + caseRef));
		access.requireManagerOf(child.team(), "refer a case to a legal planning meeting");
		List<FieldError> errors = new ArrayList<>();
		if (reason == null || reason.isBlank()) {
			errors.add(new FieldError("reason", "is required: why the case goes to a legal planning meeting"));
		}
		LocalDate decided = LocalDate.now(clock.withZone(London.ZONE));
		if (decidedOn != null) {
			try {
				decided = LocalDate.parse(decidedOn.strip());
				if (decided.isAfter(LocalDate.now(clock.withZone(London.ZONE)))) {
					errors.add(new FieldError("decidedOn", "is in the future"));
				}
				else if (decided.isBefore(child.dateOfBirth())) {
					errors.add(new FieldError("decidedOn", "is before the date of birth of the child"));
				}
			}
			catch (DateTimeParseException ex) {
				errors.add(new FieldError("decidedOn", "must be a date, YYYY-MM-DD"));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidRequestException(errors);
		}
		if (preProceedings.running(caseRef)) {
			throw new ResponseStatusException(HttpStatus.CONFLICT,
					"Pre-proceedings are already running for case " + caseRef + ": nothing was started");
		}
		return preProceedings.start(caseRef, child.team(), decided, reason.strip());
	}

}
