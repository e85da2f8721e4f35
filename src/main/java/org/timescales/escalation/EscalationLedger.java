package org.timescales.escalation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.timescales.clock.ClockLedger;

import static org.timescales.system.SqlTimes.instant;
import static org.timescales.system.SqlTimes.utc;

/**
 * The escalation table; writes join the engine's transaction. The table is the escalation module's: its
 * rows are raised and acknowledged here (by {@link Escalations}), and only this package queries it;
 * others read escalations through this class. An escalation belongs to a clock ({@code clock_id}): a
 * question about a case or rule asks the clock module for the clock ids first. Two county-wide
 * questions, {@link #awaitingReview} and {@link #raisedBetween}, stay one join with {@code clock} (read
 * only): the one exception to one owner per table, argued in {@code TableOwnershipTest.ALLOWED}.
 */
@Repository
public class EscalationLedger {

	/** Kept well under every database's limit on bind parameters. */
	static final int IN_LIST_CHUNK = 500;

	private static final String COLUMNS = "id, clock_id, tier, overdue_task, manager, raised_at, "
			+ "escalation_process_instance_id, acknowledged_by, acknowledged_at, reason_for_delay, action_agreed, "
			+ "new_target_date";

	private static final String AWAITING_REVIEW = """
			select e.id as escalation_id, e.tier, e.manager, e.raised_at,
			       c.id as clock_id, c.case_ref, c.rule_id, c.label, c.team, c.due_date, c.due_at, c.stopped_at,
			       c.outcome
			from escalation e
			join clock c on c.id = e.clock_id
			where c.team in (:teams) and e.acknowledged_by is null and c.stopped_at is not null
			order by e.raised_at, e.id""";

	private static final String RAISED_BETWEEN = """
			select c.team, c.case_ref, e.overdue_task, e.tier, c.due_date, c.stopped_at, e.mailed
			from escalation e join clock c on c.id = e.clock_id
			where e.raised_at > ? and e.raised_at <= ?
			order by c.due_date, c.case_ref, e.tier, e.id""";

	private final JdbcClient jdbc;

	private final ClockLedger clocks;

	EscalationLedger(JdbcClient jdbc, ClockLedger clocks) {
		this.jdbc = jdbc;
		this.clocks = clocks;
	}

	/**
	 * An escalation not yet acknowledged on a clock that has stopped (the work done late, or the clock
	 * cancelled): the manager's review of the delay is still open.
	 */
	public record StoppedUnreviewed(long escalationId, int tier, String manager, Instant raisedAt, long clockId,
			String caseRef, String ruleId, String label, String team, LocalDate dueDate, Instant dueAt,
			Instant stoppedAt, String outcome) {
	}

	/**
	 * An escalation raised in a window, with what its clock says of it: the team and case, the due date,
	 * when it stopped (null while open); {@code mailed} false for a repeat not mailed on its own.
	 */
	public record Raised(String team, String caseRef, String overdueTask, int tier, LocalDate dueDate,
			Instant stoppedAt, boolean mailed) {
	}

	/** @param mailed false when the manager gets no mail of their own (a repeat, listed in the morning digest) */
	long raise(long clockId, int tier, String overdueTask, String manager, Instant raisedAt,
			String escalationProcessInstanceId, boolean mailed) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into escalation (clock_id, tier, overdue_task, manager, raised_at, escalation_process_instance_id,
				                        mailed)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(clockId, tier, overdueTask, manager, utc(raisedAt), escalationProcessInstanceId, mailed)
			.update(key, "id");
		return key.getKey().longValue();
	}

	void acknowledge(long id, String by, Instant at, String reasonForDelay, String actionAgreed,
			LocalDate newTargetDate) {
		jdbc.sql("""
				update escalation set acknowledged_by = ?, acknowledged_at = ?, reason_for_delay = ?, action_agreed = ?,
				       new_target_date = ?
				where id = ?""")
			.params(by, utc(at), reasonForDelay, actionAgreed, newTargetDate, id)
			.update();
	}

	/**
	 * Whether the manager was mailed an escalation for the case under the rule (any of its clocks)
	 * raised from {@code from} to {@code to}, other than the escalation {@code exceptId} (may be null).
	 */
	boolean mailedSince(String manager, String caseRef, String ruleId, Instant from, Instant to, Long exceptId) {
		// the case's clocks of the rule (a handful, through ix_clock_case), then their escalations
		List<Long> clockIds = clocks.idsOf(caseRef, ruleId);
		for (int i = 0; i < clockIds.size(); i += IN_LIST_CHUNK) {
			long mailed = jdbc.sql("""
					select count(*) from escalation
					where clock_id in (:clockIds) and manager = :manager and mailed = true
					  and raised_at >= :from and raised_at <= :to and id <> :exceptId""")
				.param("clockIds", clockIds.subList(i, Math.min(clockIds.size(), i + IN_LIST_CHUNK)))
				.param("manager", manager)
				.param("from", utc(from))
				.param("to", utc(to))
				.param("exceptId", exceptId == null ? -1L : exceptId)
				.query(Long.class)
				.single();
			if (mailed > 0) {
				return true;
			}
		}
		return false;
	}

	public Optional<EscalationRecord> find(long clockId, int tier) {
		return jdbc.sql("select " + COLUMNS + " from escalation where clock_id = ? and tier = ?")
			.params(clockId, tier)
			.query(EscalationLedger::map)
			.optional();
	}

	public Optional<EscalationRecord> find(long id) {
		return jdbc.sql("select " + COLUMNS + " from escalation where id = ?").param(id).query(EscalationLedger::map).optional();
	}

	public List<EscalationRecord> forClock(long clockId) {
		return jdbc.sql("select " + COLUMNS + " from escalation where clock_id = ? order by tier")
			.param(clockId)
			.query(EscalationLedger::map)
			.list();
	}

	/** The escalations raised on each clock, lowest tier first; clocks without any are absent. */
	public Map<Long, List<EscalationRecord>> byClock(Collection<Long> clockIds) {
		Map<Long, List<EscalationRecord>> byClock = new LinkedHashMap<>();
		List<Long> ids = List.copyOf(clockIds);
		for (int from = 0; from < ids.size(); from += IN_LIST_CHUNK) {
			jdbc.sql("select " + COLUMNS + " from escalation where clock_id in (:clockIds) order by clock_id, tier")
				.param("clockIds", ids.subList(from, Math.min(ids.size(), from + IN_LIST_CHUNK)))
				.query(EscalationLedger::map)
				.list()
				.forEach(e -> byClock.computeIfAbsent(e.clockId(), id -> new ArrayList<>()).add(e));
		}
		return byClock;
	}

	/** Every escalation raised on the case's clocks, in the order raised. */
	public List<EscalationRecord> forCase(String caseRef) {
		List<Long> clockIds = clocks.idsOf(caseRef);
		List<EscalationRecord> raised = new ArrayList<>();
		for (int from = 0; from < clockIds.size(); from += IN_LIST_CHUNK) {
			raised.addAll(jdbc.sql("select " + COLUMNS + " from escalation where clock_id in (:clockIds)")
				.param("clockIds", clockIds.subList(from, Math.min(clockIds.size(), from + IN_LIST_CHUNK)))
				.query(EscalationLedger::map)
				.list());
		}
		raised.sort(Comparator.comparing(EscalationRecord::raisedAt).thenComparingLong(EscalationRecord::id));
		return raised;
	}

	/**
	 * Escalations of the teams not yet acknowledged whose clock has stopped, earliest raised first.
	 * Escalations on open clocks are not among them: those are read with the breaches. One join with
	 * {@code clock}, whose team and stop filter them (see the class comment).
	 */
	public List<StoppedUnreviewed> awaitingReview(Collection<String> teams) {
		if (teams.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(AWAITING_REVIEW)
			.param("teams", List.copyOf(teams))
			.query((rs, row) -> new StoppedUnreviewed(rs.getLong("escalation_id"), rs.getInt("tier"),
					rs.getString("manager"), instant(rs, "raised_at"), rs.getLong("clock_id"), rs.getString("case_ref"),
					rs.getString("rule_id"), rs.getString("label"), rs.getString("team"),
					rs.getObject("due_date", LocalDate.class), instant(rs, "due_at"), instant(rs, "stopped_at"),
					rs.getString("outcome")))
			.list();
	}

	/**
	 * Every team's escalations raised in {@code (since, until]} (through {@code ix_escalation_raised}),
	 * by their clock's due date and case reference, then tier. One join with {@code clock}, whose columns
	 * order them (see the class comment).
	 */
	public List<Raised> raisedBetween(Instant since, Instant until) {
		return jdbc.sql(RAISED_BETWEEN)
			.params(utc(since), utc(until))
			.query((rs, row) -> new Raised(rs.getString("team"), rs.getString("case_ref"), rs.getString("overdue_task"),
					rs.getInt("tier"), rs.getObject("due_date", LocalDate.class), instant(rs, "stopped_at"),
					rs.getBoolean("mailed")))
			.list();
	}

	/** How many escalations were ever raised (both tiers). */
	public long count() {
		return jdbc.sql("select count(*) from escalation").query(Long.class).single();
	}

	private static EscalationRecord map(ResultSet rs, int row) throws SQLException {
		return new EscalationRecord(rs.getLong("id"), rs.getLong("clock_id"), rs.getInt("tier"),
				rs.getString("overdue_task"), rs.getString("manager"), instant(rs, "raised_at"),
				rs.getString("escalation_process_instance_id"), rs.getString("acknowledged_by"),
				instant(rs, "acknowledged_at"), rs.getString("reason_for_delay"), rs.getString("action_agreed"),
				rs.getObject("new_target_date", LocalDate.class));
	}

}
