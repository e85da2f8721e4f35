package org.timescales.clock;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.timescales.calendar.Deadline;

import static org.timescales.system.SqlTimes.instant;
import static org.timescales.system.SqlTimes.utc;

/**
 * The clock ledger table. Writes join the caller's transaction, so a clock opens or stops together
 * with the engine step that caused it.
 *
 * <p>The {@code clock} table is the clock module's: its rows are written here (opened and stopped by
 * {@link Clocks}, moved by {@link ClockChanges}), and only this package queries it. Other modules read
 * it through this class, {@link OpenClocks} (what is running) and {@link ClockReports} (what was met).
 */
@Repository
public class ClockLedger {

	private static final String SELECT = """
			select id, case_ref, process_instance_id, rule_id, label, team, sequence_no, started_by, started_at,
			       due_date, due_at, reminder_at, second_tier_at, reminded_at, stopped_at, stopped_by, outcome,
			       stop_reason, original_due_date, extended_by, extended_at, extension_reason
			from clock""";

	private final JdbcClient jdbc;

	ClockLedger(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long open(String caseRef, String processInstanceId, String ruleId, String label, String team, int sequenceNo,
			String startedBy, Instant startedAt, Deadline deadline, Instant reminderAt, Instant secondTierAt) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into clock (case_ref, process_instance_id, rule_id, label, team, sequence_no, started_by,
				                   started_at, due_date, due_at, reminder_at, second_tier_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(caseRef, processInstanceId, ruleId, label, team, sequenceNo, startedBy, utc(startedAt),
					deadline.dueDate(), utc(deadline.dueAt()), utc(reminderAt), utc(secondTierAt))
			.update(key, "id");
		return key.getKey().longValue();
	}

	void stop(long id, Instant stoppedAt, String stoppedBy, ClockStatus outcome, String reason) {
		jdbc.sql("""
				update clock set stopped_at = ?, stopped_by = ?, outcome = ?, stop_reason = ?
				where id = ? and stopped_at is null""")
			.params(utc(stoppedAt), stoppedBy, outcome.name(), reason, id)
			.update();
	}

	/** A corrected stop date: the clock stays stopped, its date and outcome change. */
	void restop(long id, Instant stoppedAt, ClockStatus outcome) {
		jdbc.sql("update clock set stopped_at = ?, outcome = ? where id = ?")
			.params(utc(stoppedAt), outcome.name(), id)
			.update();
	}

	/** A corrected start: the clock keeps its identity, its dates move. */
	void reschedule(long id, Instant startedAt, Deadline deadline, Instant reminderAt, Instant secondTierAt) {
		jdbc.sql("""
				update clock set started_at = ?, due_date = ?, due_at = ?, reminder_at = ?, second_tier_at = ?
				where id = ?""")
			.params(utc(startedAt), deadline.dueDate(), utc(deadline.dueAt()), utc(reminderAt), utc(secondTierAt), id)
			.update();
	}

	void extend(long id, Deadline deadline, Instant reminderAt, Instant secondTierAt, String by, Instant at,
			String reason) {
		jdbc.sql("""
				update clock set original_due_date = coalesce(original_due_date, due_date), due_date = ?, due_at = ?,
				       reminder_at = ?, second_tier_at = ?, extended_by = ?, extended_at = ?, extension_reason = ?
				where id = ?""")
			.params(deadline.dueDate(), utc(deadline.dueAt()), utc(reminderAt), utc(secondTierAt), by, utc(at), reason,
					id)
			.update();
	}

	/**
	 * The case's running clocks now belong to another team: their breaches go to its managers. Only the
	 * team changes; no start, due date or timer moves. Stopped clocks stay with the team that held them.
	 */
	void moveOpen(String caseRef, String team) {
		jdbc.sql("update clock set team = ? where case_ref = ? and stopped_at is null").params(team, caseRef).update();
	}

	/** How many open clocks of each of these cases are past their deadline at {@code now}. */
	public java.util.Map<String, Integer> overdueByCase(java.util.Collection<String> caseRefs, Instant now) {
		if (caseRefs.isEmpty()) {
			return java.util.Map.of();
		}
		java.util.Map<String, Integer> overdue = new java.util.HashMap<>();
		jdbc.sql("select case_ref, count(*) as overdue from clock where stopped_at is null and due_at < :now"
				+ " and case_ref in (:refs) group by case_ref")
			.param("now", utc(now))
			.param("refs", caseRefs)
			.query(rs -> {
				overdue.put(rs.getString("case_ref"), rs.getInt("overdue"));
			});
		return overdue;
	}

	/**
	 * The ids of the case's clocks of a rule, open or stopped, through {@code ix_clock_case}: for a module
	 * whose own rows hang off clocks (escalations) to ask about a case and rule without reading this table.
	 */
	public List<Long> idsOf(String caseRef, String ruleId) {
		return jdbc.sql("select id from clock where case_ref = ? and rule_id = ? order by id")
			.params(caseRef, ruleId)
			.query(Long.class)
			.list();
	}

	/** The ids of every clock of the case, open or stopped, through {@code ix_clock_case}. */
	public List<Long> idsOf(String caseRef) {
		return jdbc.sql("select id from clock where case_ref = ? order by id").param(caseRef).query(Long.class).list();
	}

	/** The clock's watcher process instance (bpmn/deadlineWatch.bpmn), set once when it starts. */
	void watchedBy(long id, String watchInstanceId) {
		jdbc.sql("update clock set watch_instance_id = ? where id = ?").params(watchInstanceId, id).update();
	}

	/** The clock's watcher, if one was started for it. */
	Optional<String> watchOf(long id) {
		return jdbc.sql("select watch_instance_id from clock where id = ?")
			.param(id)
			.query(String.class)
			.optional();
	}

	void reminded(long id, Instant at) {
		jdbc.sql("update clock set reminded_at = ? where id = ?").params(utc(at), id).update();
	}

	/** The one open clock of a rule in a process instance, if any. */
	public Optional<ClockRecord> findOpen(String processInstanceId, String ruleId) {
		return jdbc.sql(SELECT + " where process_instance_id = ? and rule_id = ? and stopped_at is null")
			.params(processInstanceId, ruleId)
			.query(ClockLedger::map)
			.optional();
	}

	/** The most recent clock of a rule in a process instance, open or stopped. */
	public Optional<ClockRecord> findLatest(String processInstanceId, String ruleId) {
		return jdbc.sql(SELECT + " where process_instance_id = ? and rule_id = ? order by sequence_no desc")
			.params(processInstanceId, ruleId)
			.query(ClockLedger::map)
			.list()
			.stream()
			.findFirst();
	}

	int count(String processInstanceId, String ruleId) {
		return jdbc.sql("select count(*) from clock where process_instance_id = ? and rule_id = ?")
			.params(processInstanceId, ruleId)
			.query(Integer.class)
			.single();
	}

	public Optional<ClockRecord> find(long id) {
		return jdbc.sql(SELECT + " where id = ?").param(id).query(ClockLedger::map).optional();
	}

	/** Every clock of a case, in the order they started. */
	public List<ClockRecord> forCase(String caseRef) {
		return jdbc.sql(SELECT + " where case_ref = ? order by started_at, id").param(caseRef).query(ClockLedger::map).list();
	}

	public List<ClockRecord> forProcessInstance(String processInstanceId) {
		return jdbc.sql(SELECT + " where process_instance_id = ? order by started_at, id")
			.param(processInstanceId)
			.query(ClockLedger::map)
			.list();
	}

	private static ClockRecord map(ResultSet rs, int row) throws SQLException {
		String outcome = rs.getString("outcome");
		return new ClockRecord(rs.getLong("id"), rs.getString("case_ref"), rs.getString("process_instance_id"),
				rs.getString("rule_id"), rs.getString("label"), rs.getString("team"), rs.getInt("sequence_no"),
				rs.getString("started_by"), instant(rs, "started_at"), rs.getObject("due_date", LocalDate.class),
				instant(rs, "due_at"), instant(rs, "reminder_at"), instant(rs, "second_tier_at"),
				instant(rs, "reminded_at"), instant(rs, "stopped_at"), rs.getString("stopped_by"),
				outcome == null ? null : ClockStatus.valueOf(outcome), rs.getString("stop_reason"),
				rs.getObject("original_due_date", LocalDate.class), rs.getString("extended_by"),
				instant(rs, "extended_at"), rs.getString("extension_reason"));
	}

}
