package org.timescales.annexa;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.timescales.refusal.InvalidRequestException;
import org.timescales.web.ApiProblem;

/**
 * {@code GET /api/returns/annex-a?from=2026-04-01&to=2026-09-30}: Ofsted's Annex A lists 1–11 for
 * the period as an .xlsx workbook in the template's layout ({@link AnnexAExport}). For auditors, team and
 * service managers and administrators: anyone else gets 403, before anything is read. Each child in the
 * workbook is recorded in the read log ("annex-a"). A workbook with a cell that does not fit its column
 * is a 500 naming it: our bug, not the caller's.
 */
@RestController
class AnnexAController {

	static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private static final Set<String> ALLOWED = Set.of("GROUP_auditor", "GROUP_team-manager", "GROUP_service-manager",
			"GROUP_camunda-admin");

	private final AnnexAExport export;

	AnnexAController(AnnexAExport export) {
		this.export = export;
	}

	// the API (basic credentials) and the returns page's form (signed in to our pages)
	@GetMapping({ "/api/returns/annex-a", "/reports/returns/annex-a" })
	ResponseEntity<?> annexA(@RequestParam String from, @RequestParam String to, Authentication authentication) {
		if (authentication == null || authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.noneMatch(ALLOWED::contains)) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN,
					"Only auditors, managers and administrators may export Annex A");
		}
		LocalDate start = date("from", from);
		LocalDate end = date("to", to);
		if (end.isBefore(start)) {
			throw new InvalidRequestException("to", "is before from (" + start + ")");
		}
		AnnexAExport.AnnexA annexA;
		try {
			annexA = export.export(start, end);
		}
		catch (AnnexAExport.InvalidAnnexAException invalid) {
			// a cell our export wrote does not fit the template's column: our fault, said plainly
			return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.body(ApiProblem.of(HttpStatus.INTERNAL_SERVER_ERROR, invalid.getMessage(), List.of()));
		}
		return ResponseEntity.ok()
			.contentType(XLSX)
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"annex-a-" + start + "-" + end + ".xlsx\"")
			.body(annexA.xlsx());
	}

	private static LocalDate date(String field, String value) {
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException e) {
			throw new InvalidRequestException(field, "must be a date such as 2026-04-01");
		}
	}

}
