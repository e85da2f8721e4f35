package org.timescales.timeline;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;
import org.timescales.audit.RecordViews;
import org.timescales.casefile.CaseRepository;
import org.timescales.casefile.ChildCase;
import org.timescales.refusal.NotFoundException;
import org.timescales.security.CaseAccess;

/**
 * A case's timeline for auditors: {@code GET /api/cases/{caseRef}/history} (JSON, or CSV with
 * {@code ?format=csv} or {@code Accept: text/csv}) and the page {@code GET /cases/{caseRef}/history}.
 * Only auditors, team and service managers and administrators who may read the case see it; every
 * read, and every refusal, is in the read log.
 */
@Controller
class CaseTimelineController {

	static final String HISTORY_CSV = "history-csv";

	static final MediaType TEXT_CSV = MediaType.parseMediaType("text/csv");

	private static final Set<String> MAY_SEE = Set.of("GROUP_auditor", "GROUP_team-manager", "GROUP_service-manager",
			"GROUP_camunda-admin");

	private static final DateTimeFormatter LONDON = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss")
		.withZone(ZoneId.of("Europe/London"));

	private static final DateTimeFormatter UK_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private final CaseTimeline timeline;

	private final CaseRepository cases;

	private final CaseAccess access;

	private final RecordViews recordViews;

	CaseTimelineController(CaseTimeline timeline, CaseRepository cases, CaseAccess access, RecordViews recordViews) {
		this.timeline = timeline;
		this.cases = cases;
		this.access = access;
		this.recordViews = recordViews;
	}

	record Timeline(String caseRef, List<TimelineEvent> events) {
	}

	/** The team check ran in CaseAccessInterceptor (every /api/cases/{caseRef}/** request). */
	@GetMapping("/api/cases/{caseRef}/history")
	@ResponseBody // an answer, not a page: so the OpenAPI document (springdoc) lists it
	ResponseEntity<?> history(@PathVariable String caseRef, @RequestParam(required = false) String format,
			@RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
		ChildCase child = permitted(caseRef);
		if (wantsCsv(format, accept)) {
			return csv(child);
		}
		recordViews.record(caseRef, RecordViews.HISTORY);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.body(new Timeline(child.caseRef(), timeline.of(child.caseRef())));
	}

	@GetMapping("/cases/{caseRef}/history")
	String page(@PathVariable String caseRef, Model model) {
		// refused reads go on the record-view log there
		access.requireRead(caseRef);
		ChildCase child = permitted(caseRef);
		recordViews.record(caseRef, RecordViews.HISTORY);
		model.addAttribute("caseRef", child.caseRef());
		model.addAttribute("rows", timeline.of(child.caseRef()).stream().map(Row::of).toList());
		return "timeline";
	}

	/**
	 * The page's "Download as CSV", with the page's own sign-in: {@code /api} takes basic credentials only, so
	 * a browser signed in to our pages would be asked for a password there.
	 */
	@GetMapping("/cases/{caseRef}/history.csv")
	ResponseEntity<String> pageCsv(@PathVariable String caseRef) {
		access.requireRead(caseRef);
		return csv(permitted(caseRef));
	}

	private ResponseEntity<String> csv(ChildCase child) {
		recordViews.record(child.caseRef(), HISTORY_CSV);
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"case-" + safe(child.caseRef())
					+ "-history.csv\"")
			.body(TimelineCsv.write(timeline.of(child.caseRef())));
	}

	/** One row of the page, its time already in UK time. */
	record Row(String at, String who, String what, String description, String clock, String oldValue,
			String newValue, boolean fieldChange) {

		static Row of(TimelineEvent e) {
			String clock = e.ruleId() == null ? null
					: e.ruleId() + (e.dueDate() == null ? "" : ", due " + UK_DATE.format(e.dueDate())) + " (clock " + e.clockId() + ")";
			return new Row(e.at() == null ? "" : LONDON.format(e.at()), e.who(), e.what(), e.description(), clock,
					e.oldValue(), e.newValue(), "FIELD_CHANGED".equals(e.what()) || "CORRECTION".equals(e.what()));
		}

	}

	/**
	 * Refuses a practitioner (403, and on record when the case exists) before saying whether the case
	 * exists; then 404 for an unknown case.
	 */
	private ChildCase permitted(String caseRef) {
		if (!maySeeTimelines(SecurityContextHolder.getContext().getAuthentication())) {
			if (cases.findCase(caseRef).isPresent()) {
				recordViews.record(caseRef, "refused");
			}
			throw new ResponseStatusException(HttpStatus.FORBIDDEN,
					"Only auditors, managers and administrators see a case's history");
		}
		return cases.findCase(caseRef).orElseThrow(() -> new NotFoundException("No case with reference " + caseRef));
	}

	static boolean maySeeTimelines(Authentication user) {
		return user != null && user.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.anyMatch(MAY_SEE::contains);
	}

	static boolean wantsCsv(String format, String accept) {
		if (format != null) {
			return "csv".equalsIgnoreCase(format);
		}
		if (accept == null) {
			return false;
		}
		try {
			return MediaType.parseMediaTypes(accept)
				.stream()
				.anyMatch(type -> !type.isWildcardType() && !type.isWildcardSubtype() && TEXT_CSV.includes(type));
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

	private static String safe(String caseRef) {
		return caseRef.replaceAll("[^A-Za-z0-9._-]", "_");
	}

}
