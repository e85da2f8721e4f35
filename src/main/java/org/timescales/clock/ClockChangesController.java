package org.timescales.clock;

import java.security.Principal;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code POST /api/cases/{caseRef}/corrections}: correct a recorded event date, with a reason.
 * {@code POST /api/cases/{caseRef}/clocks/{clockId}/extension}: a manager extends a clock whose rule
 * allows it.
 */
@RestController
@RequestMapping("/api/cases/{caseRef}")
class ClockChangesController {

	private static final List<String> MANAGERS = List.of("GROUP_team-manager", "GROUP_service-manager");

	private final ClockChanges changes;

	ClockChangesController(ClockChanges changes) {
		this.changes = changes;
	}

	record CorrectionRequest(String processInstanceId, String variable, String value, String reason) {
	}

	record ExtensionRequest(String newDueDate, String reason) {
	}

	@PostMapping("/corrections")
	ClockChanges.Corrected correct(@PathVariable String caseRef, @RequestBody CorrectionRequest request,
			Principal user) {
		if (request.variable() == null || request.variable().isBlank()) {
			throw new org.timescales.refusal.InvalidRequestException("variable", "is required: the event date to correct");
		}
		if (beforeTheCalendar(request.value())) {
			throw new org.timescales.refusal.InvalidRequestException("value", "is not a plausible date: before 1900");
		}
		return changes.correct(caseRef, blankToNull(request.processInstanceId()), request.variable().strip(),
				request.value(), request.reason(), user.getName());
	}

	@PostMapping("/clocks/{clockId}/extension")
	ClockRecord extend(@PathVariable String caseRef, @PathVariable long clockId, @RequestBody ExtensionRequest request,
			Authentication user) {
		if (user.getAuthorities().stream().noneMatch(a -> MANAGERS.contains(a.getAuthority()))) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Only a team or service manager can extend a clock");
		}
		return changes.extend(caseRef, clockId, request.newDueDate(), request.reason(), user.getName());
	}

	/**
	 * A date such as year 0 or -0001-01-01 parses, but no case event is that old and the bank holiday
	 * calendar cannot count working days from it (it failed with a 500). Unparseable values are left to
	 * {@link ClockChanges}, which names them.
	 */
	private static boolean beforeTheCalendar(String value) {
		try {
			return value != null && !value.isBlank()
					&& org.timescales.calendar.London.toInstant(value.strip()).atZone(org.timescales.calendar.London.ZONE)
						.getYear() < 1900;
		}
		catch (IllegalArgumentException | java.time.DateTimeException unparseable) {
			return false;
		}
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
