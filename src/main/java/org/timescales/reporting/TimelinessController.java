package org.timescales.reporting;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.timescales.audit.RecordViews;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;
import org.timescales.calendar.London;
import org.timescales.oversight.OversightScope;
import org.timescales.oversight.Viewer;
import org.timescales.security.Roles;

/**
 * The timeliness report: the page {@code GET /reports/timeliness} and {@code GET /api/reports/timeliness}
 * (JSON, or CSV with {@code format=csv}), with {@code from} and {@code to} (London dates, inclusive;
 * by default 1 April of the current reporting year to today), {@code team} (one of the viewer's teams)
 * and {@code measure} (a measure's id: its rows). Auditors, team and service managers and
 * administrators only, each for the teams they answer for ({@link OversightScope}): 401 for nobody,
 * 403 for anyone else or someone else's team, 400 for a bad date or an unknown measure.
 */
@Controller
class TimelinessController {

	private static final Set<String> MAY_SEE = Set.of(Roles.AUDITOR, Roles.TEAM_MANAGER, Roles.SERVICE_MANAGER,
			Roles.ADMIN);

	private final Timeliness timeliness;

	private final OversightScope scope;

	private final Clock clock;

	private final RecordViews recordViews;

	TimelinessController(Timeliness timeliness, OversightScope scope, Clock clock, RecordViews recordViews) {
		this.recordViews = recordViews;
		this.timeliness = timeliness;
		this.scope = scope;
		this.clock = clock;
	}

	@GetMapping(path = "/api/reports/timeliness")
	@ResponseBody // an answer, not a page: so the OpenAPI document (springdoc) lists it
	ResponseEntity<?> api(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String team, @RequestParam(required = false) String measure,
			@RequestParam(required = false) String format) {
		TimelinessReport report = build(from, to, team, measure);
		if ("csv".equalsIgnoreCase(format)) {
			String name = "timeliness-" + report.from() + "-to-" + report.to()
					+ (report.measure() == null ? "" : "-" + report.measure()) + ".csv";
			return ResponseEntity.ok()
				.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
				.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
				.body(TimelinessCsv.of(report));
		}
		if (format != null && !format.isBlank() && !"json".equalsIgnoreCase(format)) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "format is json or csv");
		}
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
	}

	@GetMapping("/reports/timeliness")
	String page(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String team, @RequestParam(required = false) String measure,
			Model model) {
		TimelinessReport report = build(from, to, team, measure);
		Viewer viewer = OversightScope.requireViewer();
		model.addAttribute("report", report);
		model.addAttribute("myTeams", scope.teamRefsOf(viewer));
		model.addAttribute("selectedTeam", team == null || team.isBlank() ? null : team);
		model.addAttribute("selected", report.measure() == null ? null
				: report.measures().stream().filter(f -> f.id().equals(report.measure())).findFirst().orElse(null));
		return "timeliness";
	}

	private TimelinessReport build(String from, String to, String team, String measure) {
		Viewer viewer = OversightScope.requireViewer();
		if (viewer.groups().stream().noneMatch(MAY_SEE::contains)) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN,
					"Only auditors, team and service managers and administrators see the timeliness report");
		}
		List<String> teams = scope.teamsToShow(viewer, team);
		LocalDate today = London.dateOf(clock.instant());
		LocalDate end = date("to", to, today);
		LocalDate start = date("from", from, reportingYearStart(end));
		if (end.isBefore(start)) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "to is before from");
		}
		TimelinessMeasure drillDown = null;
		if (measure != null && !measure.isBlank()) {
			drillDown = TimelinessMeasure.byId(measure);
			if (drillDown == null) {
				throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "No such measure: " + measure);
			}
		}
		TimelinessReport report = timeliness.report(viewer.userId(), start, end, teams, drillDown);
		// a drill-down lists children's cases: each one listed is on its record's read log
		if (report.rows() != null) {
			report.rows().stream().map(TimelinessReport.Row::caseRef).distinct()
				.forEach(caseRef -> recordViews.record(caseRef, "timeliness-report"));
		}
		return report;
	}

	/** 1 April on or before the date: the DfE reporting year. */
	static LocalDate reportingYearStart(LocalDate date) {
		LocalDate april = LocalDate.of(date.getYear(), 4, 1);
		return date.isBefore(april) ? april.minusYears(1) : april;
	}

	private static LocalDate date(String name, String value, LocalDate otherwise) {
		if (value == null || value.isBlank()) {
			return otherwise;
		}
		LocalDate date;
		try {
			date = LocalDate.parse(value.trim());
		}
		catch (DateTimeParseException e) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, name + " is not a date (YYYY-MM-DD): " + value);
		}
		// year 0 or +999999999-12-31 parse, but no report covers them (and the period's end overflowed: a 500)
		if (date.getYear() < 1900 || date.getYear() > 9999) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, name + " is not a plausible date: " + value);
		}
		return date;
	}

}
