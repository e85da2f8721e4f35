package org.timescales.returns;

import java.util.List;
import java.util.Set;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.timescales.refusal.InvalidRequestException;
import org.timescales.refusal.NotFoundException;
import org.timescales.web.ApiProblem;

/**
 * {@code GET /api/returns/cin-census?year=2026}: the DfE Children in Need census for the year ending
 * 31 March {@code year} (2025, 2026 or 2027, each in its own layout), as XML validated against that year's
 * schema and checked against the DfE's error rules for it ({@link CinCensusExport}). For auditors,
 * team and service managers and administrators: anyone else gets 403, before anything is read. Each
 * child in the return is recorded in the read log ("cin-census"). A return the DfE's rules would reject
 * is a 409 whose {@code failures} name each rule, child (LA child ID and case reference), field and
 * value: the records must be put right first. An export that fails the schema is a 500 naming the
 * problem: it is our bug, not the caller's.
 */
@RestController
class CinCensusController {

	private static final Set<String> ALLOWED = Set.of("GROUP_auditor", "GROUP_team-manager", "GROUP_service-manager",
			"GROUP_camunda-admin");

	private final CinCensusExport export;

	CinCensusController(CinCensusExport export) {
		this.export = export;
	}

	@GetMapping("/api/returns/cin-census")
	ResponseEntity<?> census(@RequestParam int year, Authentication authentication) {
		requireMayExport(authentication);
		requireYear(year);
		CinCensusExport.Census census;
		try {
			census = export.export(year);
		}
		catch (CinCensusExport.RejectedCensusException rejected) {
			// what was recorded breaks the DfE's rules: each failure says which record to put right
			ProblemDetail problem = ApiProblem.of(HttpStatus.CONFLICT, rejected.getMessage(), List.of());
			problem.setProperty("failures", rejected.failures());
			return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
		}
		catch (CinCensusExport.InvalidCensusException invalid) {
			// our export broke the DfE's schema: our fault, said plainly, as a problem detail
			return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.body(ApiProblem.of(HttpStatus.INTERNAL_SERVER_ERROR, invalid.getMessage(), List.of()));
		}
		if (census == null) {
			throw new NotFoundException("No child had a child in need episode open between " + (year - 1)
					+ "-04-01 and " + year + "-03-31: the census schema needs at least one child");
		}
		return download(year, census);
	}

	/** The return as a file to save, {@code cin-census-2026.xml}. */
	static ResponseEntity<String> download(int year, CinCensusExport.Census census) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_XML)
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"cin-census-" + year + ".xml\"")
			.body(census.xml());
	}

	/** Auditors, managers and administrators only, decided before anything is read. */
	static void requireMayExport(Authentication authentication) {
		if (authentication == null || authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.noneMatch(ALLOWED::contains)) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN,
					"Only auditors, managers and administrators may export the CIN census");
		}
	}

	static void requireYear(int year) {
		if (!CinCensusExport.YEARS.contains(year)) {
			throw new InvalidRequestException("year", "must be a collection year Timescales has the layout of: 2025 (the"
					+ " 2024-25 census, 1 April 2024 to 31 March 2025), 2026 (the 2025-26 census) or 2027 (the 2026-27"
					+ " census)");
		}
	}

}
