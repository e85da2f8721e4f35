package org.timescales.clock;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static org.timescales.system.SqlTimes.instant;
import static org.timescales.system.SqlTimes.utc;

/**
 * The timeliness report's reads of the clock ledger, kept here so that only the clock module queries
 * its table. A period is a half-open range of instants {@code [from, to)} (the start of the first
 * London day to the end of the last). Clock measures read
 * stopped clocks through {@code ix_clock_open_due (stopped_at, due_at)}: a range of {@code stopped_at};
 * plans are the first {@code core-group} clock of each {@code childProtectionPlan} instance, their
 * other clocks reached through {@code ix_clock_instance_rule (process_instance_id, rule_id)}. A plan has
 * ended when none of its clocks is open; it ended when its last clock stopped. Only case references
 * are read, never a child's details.
 */
@Repository
public class ClockReports {

	static final int IN_LIST_CHUNK = 500;

	/** Stopped in the period, met in time or late (cancelled clocks are not counted). */
	private static final String STOPPED_IN_PERIOD = """
			where c.stopped_at >= :from and c.stopped_at < :to
			  and c.outcome in ('MET', 'MET_LATE')
			  and c.rule_id in (:rules)
			  and c.team in (:teams)
			""";

	/** {@code %s}: the month's number, a {@code case} over the month boundaries (see {@link #counts}). */
	private static final String COUNTS = """
			select c.rule_id, %s as month_no, count(*) as denominator,
			       sum(case when c.outcome = 'MET' then 1 else 0 end) as numerator
			from clock c
			""" + STOPPED_IN_PERIOD + "group by c.rule_id, month_no";

	private static final String STOPPED_ROWS = """
			select c.id, c.case_ref, c.rule_id, c.team, c.started_at, c.due_date, c.stopped_at, c.outcome,
			       c.original_due_date,
			       case when c.rule_id in ('iha', 'rha') then
			         (select min(l.started_at) from clock l
			          where l.process_instance_id = c.process_instance_id and l.rule_id = 'cla-review') end as looked_after_from
			from clock c
			""" + STOPPED_IN_PERIOD + "order by c.stopped_at, c.id";

	private static final String PLAN = """
			select p.id, p.case_ref, p.team, p.process_instance_id, p.started_at,
			       (select max(x.stopped_at) from clock x where x.process_instance_id = p.process_instance_id) as last_stopped,
			       (select count(*) from clock o
			        where o.process_instance_id = p.process_instance_id and o.stopped_at is null) as open_clocks
			from clock p
			where p.rule_id = 'core-group' and p.sequence_no = 1
			""";

	private static final String PLANS_STARTED = PLAN + """
			  and p.started_at >= :from and p.started_at < :to and p.team in (:teams)
			order by p.started_at, p.id""";

	private static final String PLANS_OF_CASES = PLAN + "  and p.case_ref in (:caseRefs)";

	private static final String PLANS_ENDED = PLAN + """
			  and p.started_at < :to and p.team in (:teams)
			  and not exists (select 1 from clock o where o.process_instance_id = p.process_instance_id and o.stopped_at is null)
			  and exists (select 1 from clock s where s.process_instance_id = p.process_instance_id
			              and s.stopped_at >= :from and s.stopped_at < :to)
			  and not exists (select 1 from clock s where s.process_instance_id = p.process_instance_id and s.stopped_at >= :to)
			order by p.started_at, p.id""";

	private final JdbcClient jdbc;

	ClockReports(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A rule's clocks stopped in month {@code month} of the period (0 for the first). */
	public record RuleCount(String ruleId, int month, long numerator, long denominator) {
	}

	/**
	 * A clock stopped in the period; {@code lookedAfterFrom}: its process's first looked-after review clock's
	 * start; {@code originalDueDate}: its due date before any extension, null when never extended.
	 */
	public record StoppedClock(long id, String caseRef, String ruleId, String team, Instant startedAt,
			java.time.LocalDate dueDate, Instant stoppedAt, String outcome, Instant lookedAfterFrom,
			java.time.LocalDate originalDueDate) {
	}

	/** A child protection plan: {@code endedAt} null while any of its clocks is open. */
	public record Plan(long clockId, String caseRef, String team, String processInstanceId, Instant startedAt,
			Instant endedAt) {
	}

	/**
	 * Each rule's clocks stopped in the period, by month: {@code monthStarts} are the instants the second
	 * and later months begin (London midnights, ascending, inside the period), so a clock stopped before
	 * the first is in month 0. The buckets are bound as parameters, not computed by the database, so
	 * H2 and PostgreSQL agree on London months; with none, everything is month 0.
	 */
	public List<RuleCount> counts(Instant from, Instant to, Collection<String> rules, Collection<String> teams,
			List<Instant> monthStarts) {
		StringBuilder month = new StringBuilder("0");
		if (!monthStarts.isEmpty()) {
			month.setLength(0);
			month.append("case");
			for (int i = 0; i < monthStarts.size(); i++) {
				month.append(" when c.stopped_at < :m").append(i).append(" then ").append(i);
			}
			month.append(" else ").append(monthStarts.size()).append(" end");
		}
		var sql = jdbc.sql(COUNTS.formatted(month))
			.param("from", utc(from))
			.param("to", utc(to))
			.param("rules", rules)
			.param("teams", teams);
		for (int i = 0; i < monthStarts.size(); i++) {
			sql = sql.param("m" + i, utc(monthStarts.get(i)));
		}
		return sql.query((rs, n) -> new RuleCount(rs.getString("rule_id"), rs.getInt("month_no"),
				rs.getLong("numerator"), rs.getLong("denominator"))).list();
	}

	public List<StoppedClock> stopped(Instant from, Instant to, Collection<String> rules, Collection<String> teams) {
		return jdbc.sql(STOPPED_ROWS)
			.param("from", utc(from))
			.param("to", utc(to))
			.param("rules", rules)
			.param("teams", teams)
			.query((rs, n) -> new StoppedClock(rs.getLong("id"), rs.getString("case_ref"), rs.getString("rule_id"),
					rs.getString("team"), instant(rs, "started_at"), rs.getObject("due_date", java.time.LocalDate.class),
					instant(rs, "stopped_at"), rs.getString("outcome"), instant(rs, "looked_after_from"),
					rs.getObject("original_due_date", java.time.LocalDate.class)))
			.list();
	}

	public List<Plan> plansStarted(Instant from, Instant to, Collection<String> teams) {
		return jdbc.sql(PLANS_STARTED)
			.param("from", utc(from))
			.param("to", utc(to))
			.param("teams", teams)
			.query(ClockReports::plan)
			.list();
	}

	public List<Plan> plansEnded(Instant from, Instant to, Collection<String> teams) {
		return jdbc.sql(PLANS_ENDED)
			.param("from", utc(from))
			.param("to", utc(to))
			.param("teams", teams)
			.query(ClockReports::plan)
			.list();
	}

	/** Every plan of these cases, whatever the team (a child's earlier plan may have been another team's). */
	public List<Plan> plansOf(Collection<String> caseRefs) {
		List<String> refs = List.copyOf(caseRefs);
		List<Plan> plans = new ArrayList<>();
		for (int i = 0; i < refs.size(); i += IN_LIST_CHUNK) {
			plans.addAll(jdbc.sql(PLANS_OF_CASES)
				.param("caseRefs", refs.subList(i, Math.min(refs.size(), i + IN_LIST_CHUNK)))
				.query(ClockReports::plan)
				.list());
		}
		return plans;
	}

	private static Plan plan(ResultSet rs, int n) throws SQLException {
		boolean ended = rs.getLong("open_clocks") == 0;
		return new Plan(rs.getLong("id"), rs.getString("case_ref"), rs.getString("team"),
				rs.getString("process_instance_id"), instant(rs, "started_at"),
				ended ? instant(rs, "last_stopped") : null);
	}

}
