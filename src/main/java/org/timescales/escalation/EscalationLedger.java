package org.timescales.escalation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import static org.timescales.system.SqlTimes.instant;
import static org.timescales.system.SqlTimes.utc;

/** The escalation table; writes join the engine's transaction. */
@Repository
public class EscalationLedger {

	private static final String COLUMNS = "id, clock_id, tier, overdue_task, manager, raised_at, "
			+ "escalation_process_instance_id, acknowledged_by, acknowledged_at, reason_for_delay, action_agreed, "
			+ "new_target_date";

	private final JdbcClient jdbc;

	EscalationLedger(JdbcClient jdbc) {
		this.jdbc = jdbc;
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
		return jdbc.sql("""
				select count(*) from escalation e join clock c on c.id = e.clock_id
				where e.manager = ? and c.case_ref = ? and c.rule_id = ? and e.mailed = true
				  and e.raised_at >= ? and e.raised_at <= ? and e.id <> ?""")
			.params(manager, caseRef, ruleId, utc(from), utc(to), exceptId == null ? -1L : exceptId)
			.query(Long.class)
			.single() > 0;
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

	private static EscalationRecord map(ResultSet rs, int row) throws SQLException {
		return new EscalationRecord(rs.getLong("id"), rs.getLong("clock_id"), rs.getInt("tier"),
				rs.getString("overdue_task"), rs.getString("manager"), instant(rs, "raised_at"),
				rs.getString("escalation_process_instance_id"), rs.getString("acknowledged_by"),
				instant(rs, "acknowledged_at"), rs.getString("reason_for_delay"), rs.getString("action_agreed"),
				rs.getObject("new_target_date", LocalDate.class));
	}


}
