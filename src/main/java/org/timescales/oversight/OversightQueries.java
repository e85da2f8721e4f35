package org.timescales.oversight;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.timescales.calendar.London;
import org.timescales.escalation.EscalationRecord;

import static org.timescales.system.SqlTimes.instant;
import static org.timescales.system.SqlTimes.utc;

/**
 * The oversight page's reads of the clock ledger and the escalation table. Open clocks are found
 * through {@code ix_clock_open_due (stopped_at, due_at)}: {@code stopped_at is null} and a range of
 * {@code due_at}, so the stopped clocks (the bulk of the table) are never read; escalations through
 * {@code uq_escalation_tier (clock_id, tier)}. Only case references are read, never a child's details.
 * The reviews still awaited on stopped clocks are read from the escalation table (small: one row per
 * breach and tier) joined to each row's clock.
 */
@Repository
public class OversightQueries {

	/** Kept well under every database's limit on bind parameters. */
	static final int IN_LIST_CHUNK = 500;

	private static final String OPEN_CLOCK = """
			select id, case_ref, process_instance_id, rule_id, label, team, due_date, due_at
			from clock
			""";

	private static final String ESCALATION = """
			select id, clock_id, tier, overdue_task, manager, raised_at, escalation_process_instance_id,
			       acknowledged_by, acknowledged_at, reason_for_delay, action_agreed, new_target_date
			from escalation
			where clock_id in (:clockIds)
			order by clock_id, tier""";

	private static final String AWAITING_REVIEW = """
			select e.id as escalation_id, e.tier, e.manager, e.raised_at,
			       c.id as clock_id, c.case_ref, c.rule_id, c.label, c.team, c.due_date, c.due_at, c.stopped_at,
			       c.outcome
			from escalation e
			join clock c on c.id = e.clock_id
			where c.team in (:teams) and e.acknowledged_by is null and c.stopped_at is not null
			order by e.raised_at, e.id""";

	private final JdbcClient jdbc;

	OversightQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** An open clock: what is due, for which case and team, and when. */
	public record OpenClock(long id, String caseRef, String processInstanceId, String ruleId, String label,
			String team, LocalDate dueDate, Instant dueAt) {
	}

	/**
	 * An escalation not yet acknowledged on a clock that has stopped (the work done late, or the clock
	 * cancelled): the manager's review of the delay is still open.
	 */
	public record StoppedUnreviewed(long escalationId, int tier, String manager, Instant raisedAt, long clockId,
			String caseRef, String ruleId, String label, String team, LocalDate dueDate, Instant dueAt,
			Instant stoppedAt, String outcome) {
	}

	/** Open clocks of the teams whose deadline has passed at {@code now} (overdue from the deadline on). */
	public List<OpenClock> breaches(Collection<String> teams, Instant now) {
		if (teams.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(OPEN_CLOCK + """
				where stopped_at is null and due_at <= :now and team in (:teams)
				order by due_at, id""")
			.param("now", utc(now))
			.param("teams", List.copyOf(teams))
			.query(OversightQueries::openClock)
			.list();
	}

	/**
	 * Open clocks of the teams not yet past their deadline at {@code now} and due on or before
	 * {@code until} (a date): the deadlines falling due soon, soonest first.
	 */
	public List<OpenClock> dueBy(Collection<String> teams, Instant now, LocalDate until) {
		if (teams.isEmpty()) {
			return List.of();
		}
		// the due_at range bounds the index scan; due_date then drops an hour rule due at the very midnight
		return jdbc.sql(OPEN_CLOCK + """
				where stopped_at is null and due_at > :now and due_at <= :endOfUntil and due_date <= :until
				  and team in (:teams)
				order by due_at, id""")
			.param("now", utc(now))
			.param("endOfUntil", utc(London.endOfDay(until)))
			.param("until", until)
			.param("teams", List.copyOf(teams))
			.query(OversightQueries::openClock)
			.list();
	}

	/**
	 * Escalations of the teams not yet acknowledged whose clock has stopped, earliest raised first.
	 * Escalations on open clocks are not among them: those are read with the breaches.
	 */
	public List<StoppedUnreviewed> awaitingReview(Collection<String> teams) {
		if (teams.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(AWAITING_REVIEW)
			.param("teams", List.copyOf(teams))
			.query(OversightQueries::stoppedUnreviewed)
			.list();
	}

	/** The escalations raised on each clock, lowest tier first; clocks without any are absent. */
	public Map<Long, List<EscalationRecord>> escalations(Collection<Long> clockIds) {
		Map<Long, List<EscalationRecord>> byClock = new LinkedHashMap<>();
		List<Long> ids = List.copyOf(clockIds);
		for (int from = 0; from < ids.size(); from += IN_LIST_CHUNK) {
			jdbc.sql(ESCALATION)
				.param("clockIds", ids.subList(from, Math.min(ids.size(), from + IN_LIST_CHUNK)))
				.query(OversightQueries::escalation)
				.list()
				.forEach(e -> byClock.computeIfAbsent(e.clockId(), id -> new ArrayList<>()).add(e));
		}
		return byClock;
	}

	private static OpenClock openClock(ResultSet rs, int row) throws SQLException {
		return new OpenClock(rs.getLong("id"), rs.getString("case_ref"), rs.getString("process_instance_id"),
				rs.getString("rule_id"), rs.getString("label"), rs.getString("team"),
				rs.getObject("due_date", LocalDate.class), instant(rs, "due_at"));
	}

	private static StoppedUnreviewed stoppedUnreviewed(ResultSet rs, int row) throws SQLException {
		return new StoppedUnreviewed(rs.getLong("escalation_id"), rs.getInt("tier"), rs.getString("manager"),
				instant(rs, "raised_at"), rs.getLong("clock_id"), rs.getString("case_ref"), rs.getString("rule_id"),
				rs.getString("label"), rs.getString("team"), rs.getObject("due_date", LocalDate.class),
				instant(rs, "due_at"), instant(rs, "stopped_at"), rs.getString("outcome"));
	}

	private static EscalationRecord escalation(ResultSet rs, int row) throws SQLException {
		return new EscalationRecord(rs.getLong("id"), rs.getLong("clock_id"), rs.getInt("tier"),
				rs.getString("overdue_task"), rs.getString("manager"), instant(rs, "raised_at"),
				rs.getString("escalation_process_instance_id"), rs.getString("acknowledged_by"),
				instant(rs, "acknowledged_at"), rs.getString("reason_for_delay"), rs.getString("action_agreed"),
				rs.getObject("new_target_date", LocalDate.class));
	}

}
