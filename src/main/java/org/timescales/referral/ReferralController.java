package org.timescales.referral;

import java.util.List;

import jakarta.validation.Valid;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.timescales.casefile.ClockView;
import org.timescales.referral.ReferralService.Received;
import org.timescales.security.CaseAccess;
import org.timescales.team.Teams;

/**
 * {@code POST /api/referrals}: 201 with the case, the process and its open clocks; the same referral
 * id again answers 200 with what the first call created.
 */
@RestController
@RequestMapping("/api/referrals")
class ReferralController {

	private final ReferralService referrals;

	private final CaseAccess access;

	private final Teams teams;

	ReferralController(ReferralService referrals, CaseAccess access, Teams teams) {
		this.referrals = referrals;
		this.access = access;
		this.teams = teams;
	}

	record ReferralResponse(String referralId, String caseRef, String team, String processInstanceId,
			List<ClockView> clocks) {
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<ReferralResponse> receive(@Valid @RequestBody ReferralRequest request) {
		if (bornBefore1900(request.child().dateOfBirth())) {
			// year 0 parses as a date, but it is a mistake: refused like any other bad date, nothing created
			throw new org.timescales.refusal.InvalidRequestException("child.dateOfBirth", "is not a plausible date of birth");
		}
		if (teams.exists(request.team())) {
			// an unknown team is a bad request, answered by the service; a known one must be the user's
			access.requireWriteForTeam(request.team());
		}
		String caseRef = request.child().caseRef();
		if (!access.isFrontDoor() && access.heldOutOfSight(caseRef)) {
			// checked before the child's details are compared, so no answer confirms another team's child
			throw new ResponseStatusException(HttpStatus.FORBIDDEN, "child.caseRef: you may record a referral only for "
					+ "a case your team holds, or a new one; the front door records referrals for any case");
		}
		Received received;
		try {
			received = referrals.receive(request);
		}
		catch (DuplicateKeyException raceLost) {
			// the same referral arrived twice at once: the other request created it; answer as a resend
			received = referrals.find(request.referralId()).orElseThrow(() -> raceLost);
		}
		if (!received.created() && !access.mayRead(received.referral().caseRef())) {
			// a resend answers with the case only to someone who may see it
			throw new ResponseStatusException(HttpStatus.CONFLICT,
					"referralId: this id is already recorded; a new referral needs a new id");
		}
		ReferralResponse body = new ReferralResponse(received.referral().referralId(), received.referral().caseRef(),
				received.referral().team(), received.referral().processInstanceId(),
				received.clocks().stream().filter(c -> c.stoppedAt() == null).toList());
		return ResponseEntity.status(received.created() ? HttpStatus.CREATED : HttpStatus.OK).body(body);
	}

	private static boolean bornBefore1900(String dateOfBirth) {
		try {
			return java.time.LocalDate.parse(dateOfBirth.strip()).getYear() < 1900;
		}
		catch (java.time.format.DateTimeParseException unparseable) {
			return false; // ReferralService names it
		}
	}

}
