package org.timescales.retention;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code POST /api/cases/{caseRef}/retention}: applies the statutory retention to the case's ended
 * processes ({@link Retention}); 202 with what was applied, the engine's batch finishing it. For
 * administrators only.
 */
@RestController
class RetentionController {

	private final Retention retention;

	RetentionController(Retention retention) {
		this.retention = retention;
	}

	@PostMapping("/api/cases/{caseRef}/retention")
	ResponseEntity<Retention.Applied> apply(@PathVariable String caseRef, Authentication authentication) {
		if (authentication == null || authentication.getAuthorities()
			.stream()
			.noneMatch(a -> "GROUP_camunda-admin".equals(a.getAuthority()))) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Only administrators may apply retention");
		}
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(retention.applyRetention(caseRef));
	}

}
