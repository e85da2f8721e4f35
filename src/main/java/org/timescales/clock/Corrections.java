package org.timescales.clock;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static org.timescales.system.SqlTimes.instant;

/**
 * The corrections of recorded event dates, as others read them (the case's timeline). The
 * {@code correction} table is the clock module's: its rows are written by {@code ClockChanges.correct}
 * in the transaction that moves the clocks, and only this package queries it.
 */
@Repository
public class Corrections {

	private final JdbcClient jdbc;

	Corrections(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The case's corrections, oldest first, through {@code ix_correction_case}. */
	public List<Correction> forCase(String caseRef) {
		return jdbc.sql("""
				select id, case_ref, process_instance_id, variable_name, old_value, new_value, reason, corrected_by,
				       corrected_at
				from correction where case_ref = ? order by corrected_at, id""")
			.param(caseRef)
			.query((rs, row) -> new Correction(rs.getLong("id"), rs.getString("case_ref"),
					rs.getString("process_instance_id"), rs.getString("variable_name"), rs.getString("old_value"),
					rs.getString("new_value"), rs.getString("reason"), rs.getString("corrected_by"),
					instant(rs, "corrected_at")))
			.list();
	}

}
