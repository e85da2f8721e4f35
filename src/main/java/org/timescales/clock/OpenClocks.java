package org.timescales.clock;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.timescales.calendar.London;

import static org.timescales.system.SqlTimes.instant;
import static org.timescales.system.SqlTimes.utc;

/**
 * The running clocks, as the pages and mails that watch deadlines ask for them: the oversight page
 * (breached, due soon), the morning digest (due today) and the metrics (counts). Open clocks are found
 * through {@code ix_clock_open_due (stopped_at, due_at)}: {@code stopped_at is null} and a range of
 * {@code due_at}, so the stopped clocks (the bulk of the table) are never read; a day's through
 * {@code ix_clock_due_date}. Only case references are read, never a child's details.
 */
@Repository
public class OpenClocks {

	private static final String OPEN_CLOCK = """
			select id, case_ref, process_instance_id, rule_id, label, team, due_date, due_at
			from clock
			""";

	private final JdbcClient jdbc;

	OpenClocks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** An open clock: what is due, for which case and team, and when. */
	public record OpenClock(long id, String caseRef, String processInstanceId, String ruleId, String label,
			String team, LocalDate dueDate, Instant dueAt) {
	}

	/** An open clock falling due on a day: whose team, which case, what is due. */
	public record DueOn(String team, String caseRef, String label) {
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
			.query(OpenClocks::openClock)
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
			.query(OpenClocks::openClock)
			.list();
	}

	/** A clock of a team that passed its deadline: overdue from {@code dueAt} until {@code stoppedAt} (null: still). */
	public record Overdue(String team, Instant dueAt, Instant stoppedAt) {
	}

	/**
	 * The teams' clocks that were overdue at some moment between {@code from} and {@code now}: still open past
	 * their deadline, or stopped after both their deadline and {@code from}. For the breaches page's weeks.
	 */
	public List<Overdue> overdueSince(Collection<String> teams, Instant from, Instant now) {
		if (teams.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				select team, due_at, stopped_at from clock
				where due_at <= :now and team in (:teams)
				  and (stopped_at is null or (stopped_at > :from and stopped_at > due_at))""")
			.param("now", utc(now))
			.param("from", utc(from))
			.param("teams", List.copyOf(teams))
			.query((rs, row) -> new Overdue(rs.getString("team"), instant(rs, "due_at"), instant(rs, "stopped_at")))
			.list();
	}

	/** Every team's open clocks due on the day, by case reference then label. */
	public List<DueOn> dueOn(LocalDate day) {
		return jdbc.sql("select team, case_ref, label from clock where due_date = ? and stopped_at is null order by case_ref, label")
			.param(day)
			.query((rs, row) -> new DueOn(rs.getString("team"), rs.getString("case_ref"), rs.getString("label")))
			.list();
	}

	/** How many clocks are running. */
	public long count() {
		return jdbc.sql("select count(*) from clock where stopped_at is null").query(Long.class).single();
	}

	/** How many open clocks of the rule are past their deadline at {@code now}. */
	public long overdue(String ruleId, Instant now) {
		return jdbc.sql("select count(*) from clock where stopped_at is null and due_at < ? and rule_id = ?")
			.params(utc(now), ruleId)
			.query(Long.class)
			.single();
	}

	private static OpenClock openClock(ResultSet rs, int row) throws SQLException {
		return new OpenClock(rs.getLong("id"), rs.getString("case_ref"), rs.getString("process_instance_id"),
				rs.getString("rule_id"), rs.getString("label"), rs.getString("team"),
				rs.getObject("due_date", LocalDate.class), instant(rs, "due_at"));
	}

}
