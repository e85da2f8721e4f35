package org.timescales.clock;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
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
 */
@Repository
public class ClockLedger {

	private static final String COLUMNS = "id, case_ref, process_instance_id, rule_id, label, team, started_at, due_date, "
			+ "due_at, reminder_at, second_tier_at, reminded_at, stopped_at, outcome";

	private final JdbcClient jdbc;

	ClockLedger(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long open(String caseRef, String processInstanceId, String ruleId, String label, String team, Instant startedAt,
			Deadline deadline, Instant reminderAt, Instant secondTierAt) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into clock (case_ref, process_instance_id, rule_id, label, team, started_at, due_date, due_at,
				                   reminder_at, second_tier_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(caseRef, processInstanceId, ruleId, label, team, utc(startedAt), deadline.dueDate(),
					utc(deadline.dueAt()), utc(reminderAt), utc(secondTierAt))
			.update(key, "id");
		return key.getKey().longValue();
	}

	void stop(long id, Instant stoppedAt, ClockStatus outcome) {
		jdbc.sql("update clock set stopped_at = ?, outcome = ? where id = ? and stopped_at is null")
			.params(utc(stoppedAt), outcome.name(), id)
			.update();
	}

	void reminded(long id, Instant at) {
		jdbc.sql("update clock set reminded_at = ? where id = ?").params(utc(at), id).update();
	}

	public Optional<ClockRecord> find(String processInstanceId, String ruleId) {
		return jdbc.sql("select " + COLUMNS + " from clock where process_instance_id = ? and rule_id = ?")
			.params(processInstanceId, ruleId)
			.query(ClockLedger::map)
			.optional();
	}

	public Optional<ClockRecord> find(long id) {
		return jdbc.sql("select " + COLUMNS + " from clock where id = ?").param(id).query(ClockLedger::map).optional();
	}

	/** Every clock of a case, in the order they started. */
	public List<ClockRecord> forCase(String caseRef) {
		return jdbc.sql("select " + COLUMNS + " from clock where case_ref = ? order by started_at, id")
			.param(caseRef)
			.query(ClockLedger::map)
			.list();
	}

	public List<ClockRecord> forProcessInstance(String processInstanceId) {
		return jdbc.sql("select " + COLUMNS + " from clock where process_instance_id = ? order by started_at, id")
			.param(processInstanceId)
			.query(ClockLedger::map)
			.list();
	}



	private static ClockRecord map(ResultSet rs, int row) throws SQLException {
		String outcome = rs.getString("outcome");
		return new ClockRecord(rs.getLong("id"), rs.getString("case_ref"), rs.getString("process_instance_id"),
				rs.getString("rule_id"), rs.getString("label"), rs.getString("team"), instant(rs, "started_at"),
				rs.getObject("due_date", java.time.LocalDate.class), instant(rs, "due_at"), instant(rs, "reminder_at"),
				instant(rs, "second_tier_at"), instant(rs, "reminded_at"), instant(rs, "stopped_at"),
				outcome == null ? null : ClockStatus.valueOf(outcome));
	}

}
