package org.timescales.returns.rules;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

import org.timescales.returns.rules.CensusReturn.Assessment;
import org.timescales.returns.rules.CensusReturn.Child;
import org.timescales.returns.rules.CensusReturn.CinDetails;
import org.timescales.returns.rules.CensusReturn.Section47;

import static org.timescales.returns.rules.Walk.*;

/**
 * The DfE's error-type rules on module CINdetails (a child's episodes: dates, reasons for closure, referral NFA, primary need), each ported from data-to-insight's
 * {@code cin_validator/rules/<year>/rule_<code>.py}.
 */
final class EpisodeRules {

	static final String REFERRAL_DATE = "CINdetails.CINreferralDate";

	static final String CLOSURE_DATE = "CINdetails.CINclosureDate";

	static final String REASON_FOR_CLOSURE = "CINdetails.ReasonForClosure";

	static final String REFERRAL_NFA = "CINdetails.ReferralNFA";

	static final String PRIMARY_NEED = "CINdetails.PrimaryNeedCode";

	static final String EPISODE_ICPC = "CINdetails.DateOfInitialCPC";

	private static final Set<String> REFERRAL_SOURCES = Set.of("1A", "1B", "1C", "1D", "2A", "2B", "3A", "3B", "3C",
			"3D", "3E", "3F", "4", "5A", "5B", "5C", "5D", "6", "7", "8", "9", "10");

	private static final Set<String> PRIMARY_NEEDS = Set.of("N0", "N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8",
			"N9");

	private static final Set<String> REASONS_FOR_CLOSURE = Set.of("RC1", "RC2", "RC3", "RC4", "RC5", "RC6", "RC7",
			"RC8", "RC9");

	/** The first referral date 8866 asks a source of: 1 April 2013. */
	private static final LocalDate SOURCE_REQUIRED_FROM = LocalDate.of(2013, 4, 1);

	/** 8606's 40 weeks. */
	private static final int DAYS_BEFORE_BIRTH = 280;

	static final List<CensusRule> RULES = List.of(
			// cin2022_23/rule_8620.py
			new CensusRule("8620", "CIN Closure Date present and does not fall within the Census year",
					(census, report) -> eachEpisode(census, (child, e) -> {
						if (e.cinClosureDate() != null && !inYear(e.cinClosureDate(), census)) {
							report.fired(child, CLOSURE_DATE, e.cinClosureDate());
						}
					})),
			// cin2022_23/rule_8610.py
			perEpisode("8610", "Primary Need code is missing for a referral which led to further action.",
					e -> Boolean.FALSE.equals(e.referralNfa()) && e.primaryNeedCode() == null, REFERRAL_NFA,
					PRIMARY_NEED),
			// cin2022_23/rule_8630.py
			perEpisode("8630", "CIN Closure Date is before CIN Referral Date for the same CIN episode",
					e -> after(e.cinReferralDate(), e.cinClosureDate()), REFERRAL_DATE, CLOSURE_DATE),
			// cin2022_23/rule_8810.py
			perEpisode("8810", "A CIN case cannot have a Reason for Closure without a CIN Closure Date",
					e -> e.reasonForClosure() != null && e.cinClosureDate() == null, REASON_FOR_CLOSURE,
					CLOSURE_DATE),
			// cin2022_23/rule_8805.py
			perEpisode("8805", "A CIN case cannot have a CIN closure date without a Reason for Closure",
					e -> e.cinClosureDate() != null && e.reasonForClosure() == null, CLOSURE_DATE,
					REASON_FOR_CLOSURE),
			// cin2022_23/rule_8866.py: an episode with no referral date is not asked (8600 is)
			perEpisode("8866", "Source of Referral is missing or an invalid code",
					e -> e.cinReferralDate() != null && !e.cinReferralDate().isBefore(SOURCE_REQUIRED_FROM)
							&& !in(REFERRAL_SOURCES, e.referralSource()),
					REFERRAL_DATE, "CINdetails.ReferralSource"),
			// cin2022_23/rule_8606.py: 40 weeks as 280 days, before the birth or the expected birth
			new CensusRule("8606", "Child referral date is more than 40 weeks before DOB or expected DOB",
					(census, report) -> eachEpisode(census, (child, e) -> {
						if (after(minusDays(child.personBirthDate()), e.cinReferralDate())
								|| after(minusDays(child.expectedPersonBirthDate()),
										e.cinReferralDate())) {
							report.fired(child, REFERRAL_DATE, e.cinReferralDate());
							report.fired(child, ChildRules.BIRTH_DATE, child.personBirthDate());
							report.fired(child, "ChildIdentifiers.ExpectedPersonBirthDate",
									child.expectedPersonBirthDate());
						}
					})),
			// cin2022_23/rule_8815.py: with two open further-action episodes, every open episode is at fault
			new CensusRule("8815",
					"More than one open CIN Details episode (a module with no CIN Closure Date) has been provided for this child and case is not a referral with no further action.",
					(census, report) -> {
						for (Child child : census.children()) {
							long open = child.cinDetails()
								.stream()
								.filter(e -> e.cinClosureDate() == null && Boolean.FALSE.equals(e.referralNfa()))
								.count();
							if (open > 1) {
								child.cinDetails()
									.stream()
									.filter(e -> e.cinClosureDate() == null)
									.forEach(e -> report.fired(child, CLOSURE_DATE, null));
							}
						}
					}),
			// cin2022_23/rule_8867.py
			new CensusRule("8867", "CIN episode is shown as closed, however Assessment is not shown as completed",
					(census, report) -> eachEpisode(census, (child, e) -> {
						List<Assessment> open = e.cinClosureDate() == null ? List.of()
								: e.assessments().stream().filter(a -> a.authorisationDate() == null).toList();
						if (!open.isEmpty()) {
							report.fired(child, CLOSURE_DATE, e.cinClosureDate());
							open.forEach(a -> report.fired(child, "Assessments.AssessmentAuthorisationDate", null));
						}
					})),
			// cin2022_23/rule_8816.py: the latest episode is the first with the latest referral date; episodes
			// with no referral date are neither latest nor at fault
			new CensusRule("8816",
					"An open CIN episode is shown and case is not a referral with no further action, but it is not the latest episode.",
					(census, report) -> {
						for (Child child : census.children()) {
							CinDetails latest = null;
							for (CinDetails e : child.cinDetails()) {
								if (e.cinReferralDate() != null && (latest == null
										|| e.cinReferralDate().isAfter(latest.cinReferralDate()))) {
									latest = e;
								}
							}
							for (CinDetails e : child.cinDetails()) {
								if (e != latest && e.cinReferralDate() != null && e.cinClosureDate() == null
										&& Boolean.FALSE.equals(e.referralNfa())) {
									report.fired(child, REFERRAL_DATE, e.cinReferralDate());
									report.fired(child, REFERRAL_DATE, latest.cinReferralDate());
								}
							}
						}
					}),
			// cin2022_23/rule_8868.py
			new CensusRule("8868",
					"CIN episode is shown as closed, however Section 47 enquiry is not shown as completed by ICPC date or ICPC not required flag",
					(census, report) -> eachEpisode(census, (child, e) -> {
						if (e.cinClosureDate() == null) {
							return;
						}
						for (Section47 s : e.section47s()) {
							boolean notRequired = Boolean.TRUE.equals(s.icpcNotRequired());
							// neither an ICPC nor "not required", or both
							if ((s.dateOfInitialCpc() == null) != notRequired) {
								report.fired(child, Section47Fields.ICPC, s.dateOfInitialCpc());
								report.fired(child, Section47Fields.NOT_REQUIRED, s.icpcNotRequired());
								report.fired(child, CLOSURE_DATE, e.cinClosureDate());
							}
						}
					})),
			// cin2022_23/rule_8890.py: within one episode, an enquiry starting on or after another's start and
			// before that one's ICPC (or, with no ICPC and one required, on or before the reference date); two
			// enquiries with the same start and the same ICPC are one enquiry given twice, not an overlap
			new CensusRule("8890",
					"A Section 47 enquiry is shown as starting when there is another Section 47 Enquiry ongoing",
					(census, report) -> eachEpisode(census, (child, e) -> {
						for (Section47 a : e.section47s()) {
							for (Section47 b : e.section47s()) {
								if (a.actualStartDate() == null || b.actualStartDate() == null
										|| a.actualStartDate().equals(b.actualStartDate())
												&& Objects.equals(a.dateOfInitialCpc(), b.dateOfInitialCpc())) {
									continue;
								}
								boolean ongoing = b.dateOfInitialCpc() != null
										? !a.actualStartDate().isAfter(b.dateOfInitialCpc())
										: !after(a.actualStartDate(), census.referenceDate())
												&& census.referenceDate() != null
												&& !Boolean.TRUE.equals(b.icpcNotRequired());
								if (!a.actualStartDate().isBefore(b.actualStartDate()) && ongoing) {
									report.fired(child, Section47Fields.START, a.actualStartDate());
									report.fired(child, Section47Fields.START, b.actualStartDate());
									report.fired(child, Section47Fields.ICPC, b.dateOfInitialCpc());
								}
							}
						}
					})),
			// cin2022_23/rule_8820.py: an episode starting on or after another's referral and before its closure
			// (or, open and not NFA, before the reference date)
			new CensusRule("8820", "The dates on the CIN episodes for this child overlap", (census, report) -> {
				for (Child child : census.children()) {
					for (CinDetails a : child.cinDetails()) {
						for (CinDetails b : child.cinDetails()) {
							if (a == b || a.cinReferralDate() == null || b.cinReferralDate() == null) {
								continue;
							}
							boolean ongoing = b.cinClosureDate() != null
									? a.cinReferralDate().isBefore(b.cinClosureDate())
									: after(census.referenceDate(), a.cinReferralDate())
											&& Boolean.FALSE.equals(b.referralNfa());
							if (!a.cinReferralDate().isBefore(b.cinReferralDate()) && ongoing) {
								report.fired(child, REFERRAL_DATE, a.cinReferralDate());
								report.fired(child, REFERRAL_DATE, b.cinReferralDate());
								report.fired(child, CLOSURE_DATE, b.cinClosureDate());
							}
						}
					}
				}
			}),
			// cin2022_23/rule_8831.py: the Python flags the assessment and section 47 rows by their LAchildID;
			// here they are named by the dates that show the activity
			new CensusRule("8831",
					"Activity is recorded against a case marked as a referral with no further action",
					(census, report) -> eachEpisode(census, (child, e) -> {
						if (!Boolean.TRUE.equals(e.referralNfa())) {
							return;
						}
						List<Section47> s47s = e.section47s()
							.stream()
							.filter(s -> s.actualStartDate() != null)
							.toList();
						List<Assessment> assessments = e.assessments()
							.stream()
							.filter(a -> a.actualStartDate() != null || a.authorisationDate() != null)
							.toList();
						if (e.dateOfInitialCpc() != null || !s47s.isEmpty() || !assessments.isEmpty()) {
							report.fired(child, EPISODE_ICPC, e.dateOfInitialCpc());
							s47s.forEach(s -> report.fired(child, Section47Fields.START, s.actualStartDate()));
							assessments.forEach(a -> report.fired(child, "Assessments.AssessmentActualStartDate",
									a.actualStartDate()));
						}
					})),
			// cin2022_23/rule_2990.py: RC8/RC9 episodes with an ICPC, a protection plan, a section 47 or a CIN
			// plan; the Python flags those rows by their LAchildID, here they are named by their start dates
			new CensusRule("2990",
					"Activity is recorded against a case marked as ‘Case closed after assessment, no further action’ or 'case closed after assessment, referred to early help'.",
					(census, report) -> eachEpisode(census, (child, e) -> {
						if (!in(Set.of("RC8", "RC9"), e.reasonForClosure())) {
							return;
						}
						if (e.dateOfInitialCpc() != null || !e.childProtectionPlans().isEmpty()
								|| !e.section47s().isEmpty() || !e.cinPlans().isEmpty()) {
							report.fired(child, REASON_FOR_CLOSURE, e.reasonForClosure());
							report.fired(child, EPISODE_ICPC, e.dateOfInitialCpc());
							e.childProtectionPlans()
								.forEach(p -> report.fired(child, "ChildProtectionPlans.CPPstartDate", p.startDate()));
							e.section47s().forEach(s -> report.fired(child, Section47Fields.START, s.actualStartDate()));
							e.cinPlans().forEach(p -> report.fired(child, "CINplanDates.CINPlanStartDate", p.startDate()));
						}
					})),
			// cin2022_23/rule_8568.py: the parsed flag is null when missing or not a boolean
			perEpisode("8568", "RNFA flag is missing or invalid", e -> e.referralNfa() == null, REFERRAL_NFA),
			// cin2022_23/rule_8650.py
			perEpisode("8650", "Primary Need Code invalid (see Primary Need table in CIN census code set)",
					e -> e.primaryNeedCode() != null && !PRIMARY_NEEDS.contains(e.primaryNeedCode()), PRIMARY_NEED),
			// cin2022_23/rule_8640.py
			perEpisode("8640",
					"CIN Reason for closure code invalid (see Reason for Closure table in CIN Census code set)",
					e -> e.reasonForClosure() != null && !REASONS_FOR_CLOSURE.contains(e.reasonForClosure()),
					REASON_FOR_CLOSURE),
			// cin2022_23/rule_8600.py
			new CensusRule("8600", "Child referral date missing or after data collection period",
					(census, report) -> eachEpisode(census, (child, e) -> {
						if (e.cinReferralDate() == null || after(e.cinReferralDate(), census.referenceDate())) {
							report.fired(child, REFERRAL_DATE, e.cinReferralDate());
						}
					})));

	/** Section47 fields some episode rules name. */
	private static final class Section47Fields {

		static final String START = "Section47.S47ActualStartDate";

		static final String ICPC = "Section47.DateOfInitialCPC";

		static final String NOT_REQUIRED = "Section47.ICPCnotRequired";

	}

	private EpisodeRules() {
	}

	/** A rule on the fields of one episode on its own, reporting each field it names. */
	private static CensusRule perEpisode(String code, String message, Predicate<CinDetails> fails, String... fields) {
		return new CensusRule(code, message, (census, report) -> eachEpisode(census, (child, e) -> {
			if (fails.test(e)) {
				for (String field : fields) {
					report.fired(child, field, value(e, field));
				}
			}
		}));
	}

	private static Object value(CinDetails e, String field) {
		return switch (field) {
			case REFERRAL_DATE -> e.cinReferralDate();
			case CLOSURE_DATE -> e.cinClosureDate();
			case REASON_FOR_CLOSURE -> e.reasonForClosure();
			case REFERRAL_NFA -> e.referralNfa();
			case PRIMARY_NEED -> e.primaryNeedCode();
			case "CINdetails.ReferralSource" -> e.referralSource();
			default -> throw new IllegalArgumentException(field);
		};
	}

	private static LocalDate minusDays(LocalDate date) {
		return date == null ? null : date.minusDays(DAYS_BEFORE_BIRTH);
	}

}
