package org.timescales.casefile;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.timescales.refusal.FieldError;
import org.timescales.refusal.InvalidRequestException;
import org.timescales.refusal.NotFoundException;

import static org.timescales.system.SqlTimes.instant;
import static org.timescales.system.SqlTimes.utc;

/**
 * The audited change of a child's census details after the referral: sex, ethnicity, the UPN or why it is
 * unknown, and the disabilities (UPNs usually arrive from education weeks after the referral). Each field
 * that changes writes one row of {@code child_detail_change} (who, when, the old and the new value, why)
 * in the transaction of the change, which holds the case's row lock ({@link CaseRepository#lock}). The
 * {@code child_detail_change} table is the casefile module's, written and read only here.
 * <p>
 * Who may change them is the caller's to check: the API's {@code POST /api/cases/{caseRef}/child-details}
 * is guarded as every command on a case is (its team and their managers; auditors may not).
 */
@Service
public class ChildDetails {

	/** The API's names of the fields, as {@code child_detail_change.field} records them. */
	public static final String SEX = "sex", ETHNICITY = "ethnicity", UPN = "upn", UPN_UNKNOWN = "upnUnknown",
			DISABILITIES = "disabilities";

	/** What a change asks for: a null field is left as it is. */
	public record Details(String sex, String ethnicity, String upn, String upnUnknown, List<String> disabilities) {
	}

	/** One field changed: {@code oldValue}/{@code newValue} as recorded (disabilities joined by ','), null for none. */
	public record Change(String field, String oldValue, String newValue, Instant changedAt, String changedBy,
			String reason) {
	}

	private final CaseRepository cases;

	private final JdbcClient jdbc;

	private final Clock clock;

	ChildDetails(CaseRepository cases, JdbcClient jdbc, Clock clock) {
		this.cases = cases;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Records the child's disabilities (the CIN census's codes: NONE, or one or more of MOB, HAND, PC, INC,
	 * COMM, LD, HEAR, VIS, BEH, CON, AUT, DDA, none twice), replacing any recorded, with one
	 * {@code child_detail_change} row when they differ. For other modules (the assessment form's task
	 * listener): joins the caller's transaction, and checks no access (the caller has). Refused with
	 * {@link InvalidRequestException} naming {@code disabilities} (or {@code reason}) before anything is
	 * written, so the caller's transaction may go on; an unknown case is {@link NotFoundException}.
	 *
	 * @param by the user id recorded as having made the change
	 * @param reason why (required)
	 */
	@Transactional(noRollbackFor = InvalidRequestException.class)
	public List<Change> recordDisabilities(String caseRef, List<String> codes, String by, String reason) {
		return record(caseRef, new Details(null, null, null, null, codes == null ? List.of() : codes), by, reason);
	}

	/**
	 * Changes the fields given (setting the UPN clears why it was unknown and the reverse), each checked as
	 * at referral; the changes written, in order. Refused naming the field (400) before anything is written.
	 */
	@Transactional(noRollbackFor = InvalidRequestException.class)
	public List<Change> record(String caseRef, Details details, String by, String reason) {
		List<FieldError> errors = new ArrayList<>();
		String why = reason == null ? null : reason.strip();
		if (why == null || why.isEmpty()) {
			errors.add(new FieldError("reason", "is required: why the child's details change"));
		}
		else if (why.length() > 1000) {
			errors.add(new FieldError("reason", "may be at most 1000 characters"));
		}
		String sex = details.sex() == null ? null : details.sex().strip();
		if (sex != null && !CensusCodes.SEX.contains(sex)) {
			errors.add(new FieldError(SEX, SEX_PROBLEM));
		}
		String ethnicity = details.ethnicity() == null ? null : details.ethnicity().strip();
		if (ethnicity != null && !CensusCodes.ETHNICITY.contains(ethnicity)) {
			errors.add(new FieldError(ETHNICITY, ETHNICITY_PROBLEM));
		}
		String upn = normalUpn(details.upn());
		String upnUnknown = details.upnUnknown() == null ? null : details.upnUnknown().strip();
		List<String> disabilities = normalCodes(details.disabilities());
		errors.addAll(problems("", upn, upnUnknown, disabilities));
		if (errors.isEmpty() && sex == null && ethnicity == null && upn == null && upnUnknown == null
				&& disabilities == null) {
			errors.add(new FieldError("body", "names no detail to change (sex, ethnicity, upn, upnUnknown, disabilities)"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidRequestException(errors);
		}
		ChildCase child = cases.lock(caseRef).orElseThrow(() -> new NotFoundException("No case with reference " + caseRef));
		if (upn != null && cases.caseWithUpn(upn).filter(other -> !other.equals(caseRef)).isPresent()) {
			throw new ResponseStatusException(HttpStatus.CONFLICT,
					"upn: another child already has this UPN (DfE rule 1520: one child per UPN)");
		}
		Map<String, String[]> changed = new LinkedHashMap<>();
		String newSex = sex == null ? child.sex() : sex;
		String newEthnicity = ethnicity == null ? child.ethnicity() : ethnicity;
		String newUpn = upn != null ? upn : upnUnknown != null ? null : child.upn();
		String newUpnUnknown = upnUnknown != null ? upnUnknown : upn != null ? null : child.upnUnknown();
		String oldDisabilities = CaseRepository.joined(child.disabilities());
		String newDisabilities = disabilities == null ? oldDisabilities : CaseRepository.joined(disabilities);
		note(changed, SEX, child.sex(), newSex);
		note(changed, ETHNICITY, child.ethnicity(), newEthnicity);
		note(changed, UPN, child.upn(), newUpn);
		note(changed, UPN_UNKNOWN, child.upnUnknown(), newUpnUnknown);
		note(changed, DISABILITIES, oldDisabilities, newDisabilities);
		if (changed.isEmpty()) {
			return List.of();
		}
		jdbc.sql("""
				update child_case set sex = ?, ethnicity = ?, upn = ?, upn_unknown = ?, disabilities = ?
				where case_ref = ?""")
			.params(newSex, newEthnicity, newUpn, newUpnUnknown, newDisabilities, caseRef)
			.update();
		Instant now = clock.instant();
		List<Change> written = new ArrayList<>();
		changed.forEach((field, values) -> {
			jdbc.sql("""
					insert into child_detail_change (case_ref, changed_at, changed_by, field, old_value, new_value, reason)
					values (?, ?, ?, ?, ?, ?, ?)""")
				.params(caseRef, utc(now), by, field, values[0], values[1], why)
				.update();
			written.add(new Change(field, values[0], values[1], now, by, why));
		});
		return written;
	}

	/** Every change of the child's census details, oldest first. */
	public List<Change> changesOf(String caseRef) {
		return jdbc.sql("""
				select field, old_value, new_value, changed_at, changed_by, reason from child_detail_change
				where case_ref = ? order by changed_at, id""")
			.param(caseRef)
			.query((rs, row) -> new Change(rs.getString("field"), rs.getString("old_value"), rs.getString("new_value"),
					instant(rs, "changed_at"), rs.getString("changed_by"), rs.getString("reason")))
			.list();
	}

	static final String SEX_PROBLEM = "must be M, F or U (the CIN census's codes for sex)";

	static final String ETHNICITY_PROBLEM = "is not a CIN census ethnicity code (e.g. WBRI, MWBC, AIND, BAFR, CHNE, OOTH, REFU, NOBT)";

	/**
	 * What is wrong with a UPN, a reason it is unknown and disabilities as given (each already
	 * {@link #normalUpn normalised}; null where not given), each error naming its field under {@code prefix}
	 * (e.g. {@code child.}): the DfE's UPN rules ({@link CensusCodes#upnProblem}), a census UPN-unknown code
	 * and never with a UPN, the disabilities as {@link CensusCodes#disabilityProblems}.
	 */
	public static List<FieldError> problems(String prefix, String upn, String upnUnknown, List<String> disabilities) {
		List<FieldError> errors = new ArrayList<>();
		if (upn != null) {
			String problem = CensusCodes.upnProblem(upn);
			if (problem != null) {
				errors.add(new FieldError(prefix + UPN, problem));
			}
		}
		if (upnUnknown != null) {
			if (!CensusCodes.UPN_UNKNOWN.contains(upnUnknown)) {
				errors.add(new FieldError(prefix + UPN_UNKNOWN,
						"must be UN1 to UN7 (the CIN census's codes for why a child's UPN is unknown)"));
			}
			else if (upn != null) {
				errors.add(new FieldError(prefix + UPN_UNKNOWN,
						"may not be given with a UPN: a child has a UPN or a reason it is unknown, never both"));
			}
		}
		if (disabilities != null) {
			CensusCodes.disabilityProblems(disabilities)
				.forEach(problem -> errors.add(new FieldError(prefix + DISABILITIES, problem)));
		}
		return errors;
	}

	/** A UPN as recorded: without surrounding spaces, in capitals (null stays null). */
	public static String normalUpn(String upn) {
		return upn == null ? null : upn.strip().toUpperCase(Locale.ROOT);
	}

	/** Disability codes as recorded: each without surrounding spaces (null stays null). */
	public static List<String> normalCodes(List<String> codes) {
		return codes == null ? null : codes.stream().map(c -> c == null ? null : c.strip()).toList();
	}

	private static void note(Map<String, String[]> changed, String field, String from, String to) {
		if (!Objects.equals(from, to)) {
			changed.put(field, new String[] { from, to });
		}
	}

}
