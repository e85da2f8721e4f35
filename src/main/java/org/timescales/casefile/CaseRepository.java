package org.timescales.casefile;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import static org.timescales.system.SqlTimes.instant;
import static org.timescales.system.SqlTimes.utc;

/**
 * Cases and their referrals; writes join the caller's transaction. The {@code child_case} and
 * {@code referral} tables are the casefile module's: their rows are written here (on the referral
 * module's intake, the allocation module's transfers), and only this package queries them; others ask
 * this class.
 */
@Repository
public class CaseRepository {

	private final JdbcClient jdbc;

	private static final String COLUMNS = "case_ref, given_name, family_name, date_of_birth, team, la_child_id, sex, ethnicity, upn, upn_unknown, disabilities";

	CaseRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The case; one recorded without an LA child identifier (before there was one) is given one now. */
	public Optional<ChildCase> findCase(String caseRef) {
		Optional<ChildCase> found = read(caseRef);
		// not in a read-only transaction (PostgreSQL refuses the write); the start-up pass gives those theirs
		if (found.isPresent() && found.get().laChildId() == null
				&& !TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
			jdbc.sql("update child_case set la_child_id = ? where case_ref = ? and la_child_id is null")
				.params(newLaChildId(caseRef), caseRef)
				.update();
			return read(caseRef);
		}
		return found;
	}

	private Optional<ChildCase> read(String caseRef) {
		return jdbc.sql("select " + COLUMNS + " from child_case where case_ref = ?")
			.param(caseRef)
			.query(CaseRepository::childCase)
			.optional();
	}

	/**
	 * Records sex and ethnicity where the case has none yet (a case recorded before they were
	 * captured): what was recorded first is kept.
	 */
	public void recordMissingCharacteristics(String caseRef, String sex, String ethnicity) {
		jdbc.sql("update child_case set sex = ? where case_ref = ? and sex is null").params(sex, caseRef).update();
		if (ethnicity != null) {
			jdbc.sql("update child_case set ethnicity = ? where case_ref = ? and ethnicity is null")
				.params(ethnicity, caseRef)
				.update();
		}
	}

	/**
	 * Records what a later referral brings of the child's census details where the case has none yet:
	 * sex and ethnicity as {@link #recordMissingCharacteristics}, the UPN or why it is unknown when neither
	 * is recorded, the disabilities when none are. What was recorded first is kept; changing it is
	 * {@link ChildDetails}'s, with a reason.
	 */
	public void recordMissingCensusDetails(String caseRef, String sex, String ethnicity, String upn, String upnUnknown,
			List<String> disabilities) {
		recordMissingCharacteristics(caseRef, sex, ethnicity);
		if (upn != null || upnUnknown != null) {
			jdbc.sql("update child_case set upn = ?, upn_unknown = ? where case_ref = ? and upn is null and upn_unknown is null")
				.params(upn, upnUnknown, caseRef)
				.update();
		}
		if (disabilities != null && !disabilities.isEmpty()) {
			jdbc.sql("update child_case set disabilities = ? where case_ref = ? and disabilities is null")
				.params(joined(disabilities), caseRef)
				.update();
		}
	}

	/** The census codes as the {@code disabilities} column holds them: joined by ',', null for none. */
	static String joined(List<String> disabilities) {
		return disabilities == null || disabilities.isEmpty() ? null : String.join(",", disabilities);
	}

	static List<String> split(String disabilities) {
		return disabilities == null || disabilities.isBlank() ? List.of() : List.of(disabilities.split(","));
	}

	/** Gives every case recorded without an LA child identifier one; how many there were. */
	public int assignMissingLaChildIds() {
		List<String> missing = jdbc.sql("select case_ref from child_case where la_child_id is null order by case_ref")
			.query(String.class)
			.list();
		missing.forEach(this::findCase);
		return missing.size();
	}

	/** The case of the child with this LA child identifier, if any. */
	public Optional<String> caseWithLaChildId(String laChildId) {
		return jdbc.sql("select case_ref from child_case where la_child_id = ?")
			.param(laChildId)
			.query(String.class)
			.optional();
	}

	/** The case of the child with this unique pupil number, if any (one child per UPN: DfE rule 1520). */
	public Optional<String> caseWithUpn(String upn) {
		return jdbc.sql("select case_ref from child_case where upn = ?").param(upn).query(String.class).optional();
	}

	/** An LA child identifier no child has: the case reference's letters and digits where they fit. */
	public String newLaChildId(String caseRef) {
		String candidate = LaChildIds.fromCaseRef(caseRef);
		for (int attempt = 0; candidate == null || caseWithLaChildId(candidate).isPresent(); attempt++) {
			candidate = LaChildIds.digest(caseRef, attempt);
		}
		return candidate;
	}

	/**
	 * The case, its row locked until the caller's transaction ends: every change of who holds a child
	 * (allocation, transfer) takes this lock first, so two such changes of one case run one after the other.
	 */
	public Optional<ChildCase> lock(String caseRef) {
		return jdbc.sql("select " + COLUMNS + " from child_case where case_ref = ?"
				+ " for update")
			.param(caseRef)
			.query(CaseRepository::childCase)
			.optional();
	}

	/** Moves the case to another team: it is held there from {@code now}. */
	public void moveTo(String caseRef, String team, Instant now) {
		jdbc.sql("update child_case set team = ?, held_since = ? where case_ref = ?")
			.params(team, utc(now), caseRef)
			.update();
	}

	/** When the team now holding the case took it (its creation or the last transfer in). */
	public Instant heldSince(String caseRef) {
		return jdbc.sql("select held_since from child_case where case_ref = ?")
			.param(caseRef)
			.query((rs, row) -> instant(rs, "held_since"))
			.single();
	}

	/** The cases a team holds, by reference. */
	public List<ChildCase> heldBy(String team) {
		return jdbc.sql("select " + COLUMNS + " from child_case where team = ?"
				+ " order by case_ref")
			.param(team)
			.query(CaseRepository::childCase)
			.list();
	}

	/**
	 * A new case, held by its team from {@code heldSince}: when its first referral reached the team.
	 * Without an LA child identifier it is given a new one.
	 */
	public void insertCase(ChildCase child, Instant now, Instant heldSince) {
		String laChildId = child.laChildId() == null ? newLaChildId(child.caseRef()) : child.laChildId();
		jdbc.sql("""
				insert into child_case (case_ref, given_name, family_name, date_of_birth, team, created_at, held_since,
				la_child_id, sex, ethnicity, upn, upn_unknown, disabilities)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(child.caseRef(), child.givenName(), child.familyName(), child.dateOfBirth(), child.team(), utc(now),
					utc(heldSince), laChildId, child.sex(), child.ethnicity(), child.upn(), child.upnUnknown(),
					joined(child.disabilities()))
			.update();
	}

	public Optional<ReferralRecord> findReferral(String referralId) {
		return jdbc.sql("select * from referral where referral_id = ?")
			.param(referralId)
			.query(CaseRepository::referral)
			.optional();
	}

	public List<ReferralRecord> referralsOf(String caseRef) {
		return jdbc.sql("select * from referral where case_ref = ? order by received_at")
			.param(caseRef)
			.query(CaseRepository::referral)
			.list();
	}

	/** The cases with a referral received before {@code before}, by case reference (each once). */
	public List<String> referredBefore(Instant before) {
		return jdbc.sql("select distinct case_ref from referral where received_at < ? order by case_ref")
			.param(utc(before))
			.query(String.class)
			.list();
	}

	public void insertReferral(ReferralRecord referral, Instant now) {
		jdbc.sql("""
				insert into referral (referral_id, case_ref, received_at, source, team, process_instance_id, created_at)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(referral.referralId(), referral.caseRef(), utc(referral.receivedAt()), referral.source(),
					referral.team(), referral.processInstanceId(), utc(now))
			.update();
	}

	private static ChildCase childCase(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new ChildCase(rs.getString("case_ref"), rs.getString("given_name"), rs.getString("family_name"),
				rs.getObject("date_of_birth", LocalDate.class), rs.getString("team"), rs.getString("la_child_id"), rs.getString("sex"),
				rs.getString("ethnicity"), rs.getString("upn"), rs.getString("upn_unknown"), split(rs.getString("disabilities")));
	}

	private static ReferralRecord referral(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new ReferralRecord(rs.getString("referral_id"), rs.getString("case_ref"), instant(rs, "received_at"),
				rs.getString("source"), rs.getString("team"), rs.getString("process_instance_id"));
	}

}
