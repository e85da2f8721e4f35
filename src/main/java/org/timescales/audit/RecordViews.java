package org.timescales.audit;

import java.time.Clock;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.timescales.oversight.Viewer;

import static org.timescales.system.SqlTimes.instant;
import static org.timescales.system.SqlTimes.utc;

/**
 * The record-view log: every read of a case's details or history, by anyone. Each entry is written
 * and committed in its own transaction before the record is read, so a read that then fails (or a
 * caller's transaction that rolls back) still leaves the attempt on record.
 *
 * <p>The {@code record_view} table is the audit module's: its rows are written here, and only this
 * package queries it; others (the case's timeline) read it through {@link #of}.
 */
@Component
public class RecordViews {

	/** The case record ({@code GET /api/cases/{caseRef}}). */
	public static final String CASE = "case";

	/** The case's history. */
	public static final String HISTORY = "history";

	/** The record taken away (a download, a print). */
	public static final String EXPORT = "export";

	/** Who is recorded when no one is signed in: a job or the engine. */
	public static final String SYSTEM = "system";

	private final JdbcClient jdbc;

	private final TransactionTemplate ownTransaction;

	private final Clock clock;

	RecordViews(JdbcClient jdbc, PlatformTransactionManager transactionManager, Clock clock) {
		this.jdbc = jdbc;
		this.ownTransaction = new TransactionTemplate(transactionManager);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	/** Records that the signed-in user (or "system") is looking at {@code what} of the case, now. */
	public void record(String caseRef, String what) {
		record(caseRef, what, Viewer.current().map(Viewer::userId).orElse(SYSTEM));
	}

	/** Records that {@code viewedBy} is looking at {@code what} of the case (a webapp's user, whom Spring does not know). */
	public void record(String caseRef, String what, String viewedBy) {
		ownTransaction.executeWithoutResult(status -> jdbc
			.sql("insert into record_view (case_ref, viewed_by, viewed_at, what) values (?, ?, ?, ?)")
			.params(caseRef, viewedBy, utc(clock.instant()), what)
			.update());
	}

	/** Who has looked at the case's record, oldest first. */
	public List<RecordView> of(String caseRef) {
		return jdbc.sql("""
				select id, case_ref, viewed_by, viewed_at, what from record_view
				where case_ref = ? order by viewed_at, id""")
			.param(caseRef)
			.query((rs, row) -> new RecordView(rs.getLong("id"), rs.getString("case_ref"), rs.getString("viewed_by"),
					instant(rs, "viewed_at"), rs.getString("what")))
			.list();
	}

}
