package org.timescales.casefile;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static org.timescales.system.SqlTimes.instant;
import static org.timescales.system.SqlTimes.utc;

/**
 * Who has held each child: allocations to workers and transfers between teams (the tables
 * {@code allocation} and {@code case_transfer}). Writes join the caller's transaction, which holds the
 * case's lock ({@link CaseRepository#lock}).
 *
 * <p>Both tables are the casefile module's: their rows are written here (on the allocation module's
 * allocations and transfers), and only this package queries them; others ask this class.
 */
@Repository
public class Holdings {

	private final JdbcClient jdbc;

	Holdings(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Allocation> current(String caseRef) {
		return jdbc.sql("select * from allocation where case_ref = ? and ended_at is null")
			.param(caseRef)
			.query(Holdings::allocation)
			.optional();
	}

	/** The open allocations of these cases, by case reference. */
	public Map<String, Allocation> current(Collection<String> caseRefs) {
		if (caseRefs.isEmpty()) {
			return Map.of();
		}
		return jdbc.sql("select * from allocation where ended_at is null and case_ref in (:refs)")
			.param("refs", caseRefs)
			.query(Holdings::allocation)
			.list()
			.stream()
			.collect(Collectors.toMap(Allocation::caseRef, a -> a));
	}

	/** Oldest first. */
	public List<Allocation> allocationsOf(String caseRef) {
		return jdbc.sql("select * from allocation where case_ref = ? order by allocated_at, id")
			.param(caseRef)
			.query(Holdings::allocation)
			.list();
	}

	/** Oldest first. */
	public List<Transfer> transfersOf(String caseRef) {
		return jdbc.sql("select * from case_transfer where case_ref = ? order by transferred_at, id")
			.param(caseRef)
			.query((rs, row) -> new Transfer(rs.getString("case_ref"), rs.getString("from_team"),
					rs.getString("to_team"), instant(rs, "transferred_at"), rs.getString("transferred_by"),
					rs.getString("reason")))
			.list();
	}

	/**
	 * Who held the case at an instant: the team (its transfers replayed back from the team that holds it
	 * now) and the worker then allocated, if any.
	 */
	public Held heldAt(String caseRef, Instant at, String currentTeam) {
		String team = currentTeam;
		List<Transfer> transfers = transfersOf(caseRef);
		for (int i = transfers.size() - 1; i >= 0 && transfers.get(i).at().isAfter(at); i--) {
			team = transfers.get(i).fromTeam();
		}
		String worker = allocationsOf(caseRef).stream()
			.filter(a -> !a.from().isAfter(at) && (a.to() == null || a.to().isAfter(at)))
			.map(Allocation::worker)
			.reduce((first, later) -> later)
			.orElse(null);
		return new Held(team, worker);
	}

	/** A team and, when the case was allocated, its worker. */
	public record Held(String team, String worker) {
	}

	/** When the case's last allocation in a team ended, if it had one. */
	public Optional<Instant> lastEnded(String caseRef, String team) {
		return jdbc.sql("select ended_at from allocation where case_ref = ? and team = ? and ended_at is not null"
				+ " order by ended_at desc")
			.params(caseRef, team)
			.query((rs, row) -> instant(rs, "ended_at"))
			.list()
			.stream()
			.findFirst();
	}

	public void allocate(String caseRef, String team, String worker, String supervisor, Instant at, String by,
			String reason) {
		jdbc.sql("""
				insert into allocation (case_ref, team, worker, supervisor, allocated_at, allocated_by, reason)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(caseRef, team, worker, supervisor, utc(at), by, reason)
			.update();
	}

	/** Ends the case's open allocation, if any. */
	public void endCurrent(String caseRef, Instant at, String by, String because) {
		jdbc.sql("update allocation set ended_at = ?, ended_by = ?, ended_because = ? where case_ref = ?"
				+ " and ended_at is null")
			.params(utc(at), by, because, caseRef)
			.update();
	}

	public void transferred(Transfer transfer) {
		jdbc.sql("""
				insert into case_transfer (case_ref, from_team, to_team, transferred_at, transferred_by, reason)
				values (?, ?, ?, ?, ?, ?)""")
			.params(transfer.caseRef(), transfer.fromTeam(), transfer.toTeam(), utc(transfer.at()), transfer.by(),
					transfer.reason())
			.update();
	}

	private static Allocation allocation(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Allocation(rs.getLong("id"), rs.getString("case_ref"), rs.getString("team"), rs.getString("worker"),
				rs.getString("supervisor"), instant(rs, "allocated_at"), rs.getString("allocated_by"),
				rs.getString("reason"), instant(rs, "ended_at"), rs.getString("ended_by"),
				rs.getString("ended_because"));
	}

}
