package org.timescales.returns.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.timescales.returns.rules.CensusReturn.Assessment;
import org.timescales.returns.rules.CensusReturn.CinDetails;
import org.timescales.returns.rules.CensusReturn.CinPlan;
import org.timescales.returns.rules.CensusReturn.Child;
import org.timescales.returns.rules.CensusReturn.ChildProtectionPlan;
import org.timescales.returns.rules.CensusReturn.Section47;
import org.timescales.returns.rules.CinPlanRules.EpisodeFields;

import static org.timescales.returns.rules.Walk.*;

/**
 * The DfE's error-type rules on module ChildProtectionPlans and Reviews, each ported from data-to-insight's
 * {@code cin_validator/rules/<year>/rule_<code>.py}.
 */
final class ProtectionPlanRules {

	static final String START = "ChildProtectionPlans.CPPstartDate";

	static final String END = "ChildProtectionPlans.CPPendDate";

	static final String REVIEW = "Reviews.CPPreviewDate";

	private static final String DEATH = "ChildIdentifiers.PersonDeathDate";

	private static final Set<String> CATEGORIES_OF_ABUSE = Set.of("NEG", "PHY", "SAB", "EMO", "MUL");

	/**
	 * cin2022_23/rule_2883.py, kept out of {@link #RULES} for now: the validator reports it for the
	 * return, naming no child, so {@code CensusRulesAgreeWithTheDfeValidatorTest} cannot compare it
	 * ({@code PlanRulesTest} checks it on its own).
	 */
	static final CensusRule RULE_2883 = new CensusRule("2883",
			"There are more child protection plans starting than initial conferences taking place",
			ProtectionPlanRules::morePlansThanConferences);

	static final List<CensusRule> RULES = List.of(
			RULE_2883,
			// cin2022_23/rule_8910.py
			new CensusRule("8910",
					"Latest Category of Abuse code missing or invalid (see Category of Abuse table in CIN Census code set)",
					(census, report) -> eachModule(census, CinDetails::childProtectionPlans, (child, episode, cpp) -> {
						if (!CATEGORIES_OF_ABUSE.contains(String.valueOf(cpp.latestCategoryOfAbuse()))) {
							report.fired(child, "ChildProtectionPlans.LatestCategoryOfAbuse",
									cpp.latestCategoryOfAbuse());
						}
					})),
			// cin2022_23/rule_8905.py
			new CensusRule("8905",
					"Initial Category of Abuse code missing or invalid (see Category of Abuse table in CIN Census code set)",
					(census, report) -> eachModule(census, CinDetails::childProtectionPlans, (child, episode, cpp) -> {
						if (!CATEGORIES_OF_ABUSE.contains(String.valueOf(cpp.initialCategoryOfAbuse()))) {
							report.fired(child, "ChildProtectionPlans.InitialCategoryOfAbuse",
									cpp.initialCategoryOfAbuse());
						}
					})),
			// cin2022_23/rule_8730.py: missing or a negative number; a value that is no integer at all
			// makes the validator's rule fail (the schema has refused it already), so it passes here
			new CensusRule("8730", "Total Number of previous Child Protection Plans missing",
					(census, report) -> eachModule(census, CinDetails::childProtectionPlans, (child, episode, cpp) -> {
						if (cpp.numberOfPreviousCpp() == null || negative(cpp.numberOfPreviousCpp())) {
							report.fired(child, "ChildProtectionPlans.NumberOfPreviousCPP", cpp.numberOfPreviousCpp());
						}
					})),
			// cin2022_23/rule_8930.py
			new CensusRule("8930", "Child Protection Plan End Date must fall within the census year",
					(census, report) -> eachModule(census, CinDetails::childProtectionPlans, (child, episode, cpp) -> {
						if (outside(cpp.endDate(), census)) {
							report.fired(child, END, cpp.endDate());
						}
					})),
			// cin2022_23/rule_8720.py
			new CensusRule("8720", "Child Protection Plan Start Date missing or out of data collection period",
					(census, report) -> eachModule(census, CinDetails::childProtectionPlans, (child, episode, cpp) -> {
						if (cpp.startDate() == null || cpp.startDate().isAfter(census.referenceDate())) {
							report.fired(child, START, cpp.startDate());
						}
					})),
			// cin2022_23/rule_8840.py
			new CensusRule("8840", "Child Protection Plan cannot start and end on the same day",
					(census, report) -> eachModule(census, CinDetails::childProtectionPlans, (child, episode, cpp) -> {
						if (cpp.startDate() != null && cpp.startDate().equals(cpp.endDate())) {
							report.fired(child, START, cpp.startDate());
							report.fired(child, END, cpp.endDate());
						}
					})),
			// cin2022_23/rule_8925.py
			new CensusRule("8925", "Child Protection Plan End Date earlier than Start Date",
					(census, report) -> eachModule(census, CinDetails::childProtectionPlans, (child, episode, cpp) -> {
						if (before(cpp.endDate(), cpp.startDate())) {
							report.fired(child, START, cpp.startDate());
							report.fired(child, END, cpp.endDate());
						}
					})),
			// cin2022_23/rule_8935.py. The validator counts open plans per child and CPPID, the plan's
			// position in its CINdetails, so misses two open plans in one CINdetails; the DfE's rule
			// ("only one ChildProtectionPlans group where the CPPendDate is missing") counts per child.
			new CensusRule("8935", "This child is showing more than one open Child Protection plan, i.e. with no End Date",
					(census, report) -> {
						for (Child child : census.children()) {
							if (plans(child).stream().filter(cpp -> cpp.endDate() == null).count() > 1) {
								report.fired(child, END, null);
							}
						}
					}),
			// cin2022_23/rule_8915.py
			new CensusRule("8915", "Child Protection Plan shown as starting after the child’s Date of Death",
					(census, report) -> eachModule(census, CinDetails::childProtectionPlans, (child, episode, cpp) -> {
						if (before(child.personDeathDate(), cpp.startDate())) {
							report.fired(child, START, cpp.startDate());
							report.fired(child, DEATH, child.personDeathDate());
						}
					})),
			// cin2022_23/rule_1105.py
			new CensusRule("1105", "The child protection plan start date cannot be before the referral date",
					(census, report) -> eachModule(census, CinDetails::childProtectionPlans, (child, episode, cpp) -> {
						if (before(cpp.startDate(), episode.cinReferralDate())) {
							report.fired(child, START, cpp.startDate());
							report.fired(child, EpisodeFields.REFERRAL_DATE, episode.cinReferralDate());
						}
					})),
			// cin2022_23/rule_8832.py: the validator names the plan by its LAchildID
			new CensusRule("8832", "Child Protection details provided for a referral with no further action.",
					(census, report) -> eachEpisode(census, (child, episode) -> {
						if (Boolean.TRUE.equals(episode.referralNfa()) && !episode.childProtectionPlans().isEmpty()) {
							report.fired(child, "ChildProtectionPlans.LAchildID", child.laChildId());
							report.fired(child, EpisodeFields.REFERRAL_NFA, episode.referralNfa());
						}
					})),
			// cin2022_23/rule_8920.py
			new CensusRule("8920", "Child Protection Plan cannot end after the child’s Date of Death",
					(census, report) -> eachModule(census, CinDetails::childProtectionPlans, (child, episode, cpp) -> {
						if (before(child.personDeathDate(), cpp.endDate())) {
							report.fired(child, END, cpp.endDate());
							report.fired(child, DEATH, child.personDeathDate());
						}
					})),
			// cin2022_23/rule_8940.py
			new CensusRule("8940", "Child Protection Plan data contains overlapping dates",
					ProtectionPlanRules::overlappingPlans),
			// cin2022_23/rule_8841.py
			new CensusRule("8841",
					"The review date cannot be on the same day or before the Child protection Plan start date.",
					(census, report) -> eachModule(census, CinDetails::childProtectionPlans, (child, episode, cpp) -> {
						for (LocalDate review : cpp.reviewDates()) {
							if (review != null && cpp.startDate() != null && !review.isAfter(cpp.startDate())) {
								report.fired(child, START, cpp.startDate());
								report.fired(child, REVIEW, review);
							}
						}
					})),
			// cin2022_23/rule_8565.py
			new CensusRule("8565", "Activity shown after a case has been closed",
					ProtectionPlanRules::activityAfterClosure),
			// cin2022_23/rule_2885.py
			new CensusRule("2885",
					"Child protection plan shown as starting a different day to the initial child protection conference.",
					ProtectionPlanRules::planStartsOffConference),
			// cin2022_23/rule_4003.py
			new CensusRule("4003", "A CPP review date is shown as being held at the same time as an open CIN Plan.",
					ProtectionPlanRules::reviewDuringCinPlan));

	private ProtectionPlanRules() {
	}

	/**
	 * 2883 looks at the whole return: more plans starting in the year than initial conferences in it
	 * (at CINdetails and Section47 level). The validator reports the return, naming no child; this
	 * names each child with a plan starting in the year.
	 */
	private static void morePlansThanConferences(CensusReturn census, CensusRule.Report report) {
		int plansStarting = 0;
		int conferences = 0;
		for (Child child : census.children()) {
			for (CinDetails episode : child.cinDetails()) {
				conferences += inYear(episode.dateOfInitialCpc(), census) ? 1 : 0;
				for (Section47 s47 : episode.section47s()) {
					conferences += inYear(s47.dateOfInitialCpc(), census) ? 1 : 0;
				}
				for (ChildProtectionPlan cpp : episode.childProtectionPlans()) {
					plansStarting += inYear(cpp.startDate(), census) ? 1 : 0;
				}
			}
		}
		if (plansStarting > conferences) {
			eachModule(census, CinDetails::childProtectionPlans, (child, episode, cpp) -> {
				if (inYear(cpp.startDate(), census)) {
					report.fired(child, START, cpp.startDate());
				}
			});
		}
	}

	/**
	 * 8940: a plan may not start on or after another plan's start and on or before its end (the
	 * reference date when open), across all the child's CINdetails. The validator tells plans apart
	 * by CPPID, their position in their CINdetails, so never compares the first plan of one
	 * CINdetails with the first of another; the DfE's rule ("of any other group") compares them.
	 */
	private static void overlappingPlans(CensusReturn census, CensusRule.Report report) {
		for (Child child : census.children()) {
			List<ChildProtectionPlan> cpps = plans(child);
			for (int i = 0; i < cpps.size(); i++) {
				for (int j = 0; j < cpps.size(); j++) {
					ChildProtectionPlan cpp = cpps.get(i);
					ChildProtectionPlan other = cpps.get(j);
					if (i != j && within(cpp.startDate(), other.startDate(), other.endDate(), census.referenceDate(),
							true)) {
						report.fired(child, START, cpp.startDate());
						report.fired(child, START, other.startDate());
						report.fired(child, END, other.endDate());
					}
				}
			}
		}
	}

	/**
	 * 8565: the CINdetails' closure date must be on or after every date of its activity. The
	 * validator fails on a CIN plan date after the closure date (it numbers those failures with the
	 * Section47 ones, and raises when the counts differ), so that part is the DfE's rule only.
	 */
	private static void activityAfterClosure(CensusReturn census, CensusRule.Report report) {
		eachEpisode(census, (child, episode) -> {
			LocalDate closed = episode.cinClosureDate();
			if (closed == null) {
				return;
			}
			List<Hit> found = new ArrayList<>();
			if (before(closed, episode.dateOfInitialCpc())) {
				found.add(new Hit(EpisodeFields.INITIAL_CPC, episode.dateOfInitialCpc()));
			}
			for (Assessment a : episode.assessments()) {
				if (before(closed, a.actualStartDate()) || before(closed, a.authorisationDate())) {
					found.add(new Hit("Assessments.AssessmentActualStartDate", a.actualStartDate()));
					found.add(new Hit("Assessments.AssessmentAuthorisationDate", a.authorisationDate()));
				}
			}
			for (Section47 s47 : episode.section47s()) {
				if (before(closed, s47.actualStartDate()) || before(closed, s47.dateOfInitialCpc())) {
					found.add(new Hit(Section47Rules.START, s47.actualStartDate()));
					found.add(new Hit(Section47Rules.INITIAL_CPC, s47.dateOfInitialCpc()));
				}
			}
			for (ChildProtectionPlan cpp : episode.childProtectionPlans()) {
				if (before(closed, cpp.endDate())) {
					found.add(new Hit(END, cpp.endDate()));
				}
			}
			for (CinPlan plan : episode.cinPlans()) {
				if (before(closed, plan.startDate()) || before(closed, plan.endDate())) {
					found.add(new Hit(CinPlanRules.START, plan.startDate()));
					found.add(new Hit(CinPlanRules.END, plan.endDate()));
				}
			}
			if (!found.isEmpty()) {
				// the validator names the CINdetails' closure and conference dates with any failure
				report.fired(child, EpisodeFields.CLOSURE_DATE, closed);
				report.fired(child, EpisodeFields.INITIAL_CPC, episode.dateOfInitialCpc());
				found.forEach(hit -> report.fired(child, hit.field(), hit.value()));
			}
		});
	}

	private record Hit(String field, Object value) {
	}

	/**
	 * 2885: a plan starting in the year must start on the day of an initial conference of its
	 * CINdetails: a Section47 one, or, when the CINdetails has no Section47 needing a conference, the
	 * CINdetails' own. When no plan of the CINdetails matches, the conference dates are named too.
	 * The validator drops a Section47 whose ICPCnotRequired is "1" but keeps one that says "true";
	 * this drops both, as the DfE's rule means.
	 */
	private static void planStartsOffConference(CensusReturn census, CensusRule.Report report) {
		eachEpisode(census, (child, episode) -> {
			List<ChildProtectionPlan> starting = episode.childProtectionPlans()
				.stream()
				.filter(cpp -> inYear(cpp.startDate(), census))
				.toList();
			if (starting.isEmpty()) {
				return;
			}
			List<Section47> s47s = episode.section47s()
				.stream()
				.filter(s -> !Boolean.TRUE.equals(s.icpcNotRequired()))
				.toList();
			List<LocalDate> conferences = s47s.isEmpty() ? listOfNullable(episode.dateOfInitialCpc())
					: s47s.stream().map(Section47::dateOfInitialCpc).filter(d -> d != null).toList();
			List<ChildProtectionPlan> off = starting.stream()
				.filter(cpp -> !conferences.contains(cpp.startDate()))
				.toList();
			off.forEach(cpp -> report.fired(child, START, cpp.startDate()));
			if (off.size() == starting.size()) {
				if (s47s.isEmpty()) {
					report.fired(child, EpisodeFields.INITIAL_CPC, episode.dateOfInitialCpc());
				}
				s47s.forEach(s -> report.fired(child, Section47Rules.INITIAL_CPC, s.dateOfInitialCpc()));
			}
		});
	}

	/**
	 * 4003: a plan's review may not fall on or after the start and before the end of one of the
	 * child's CIN plans, unless it is the day the plan ends. As in the validator, a CIN plan with no
	 * end date is not checked. The validator also needs the protection plan to have ended (a
	 * CPPendDate test where the CINPlanEndDate is meant), so misses a review of an open plan; this
	 * follows the DfE's rule, which asks no end date of the protection plan.
	 */
	private static void reviewDuringCinPlan(CensusReturn census, CensusRule.Report report) {
		eachModule(census, CinDetails::childProtectionPlans, (child, episode, cpp) -> {
			for (LocalDate review : cpp.reviewDates()) {
				for (CinPlan plan : cinPlans(child)) {
					if (review != null && plan.startDate() != null && plan.endDate() != null
							&& !review.isBefore(plan.startDate()) && review.isBefore(plan.endDate())
							&& !review.equals(cpp.endDate())) {
						report.fired(child, END, cpp.endDate());
						report.fired(child, CinPlanRules.START, plan.startDate());
						report.fired(child, REVIEW, review);
					}
				}
			}
		});
	}

	private static List<LocalDate> listOfNullable(LocalDate date) {
		return date == null ? List.of() : List.of(date);
	}

	private static boolean negative(String number) {
		try {
			return Long.parseLong(number) < 0;
		}
		catch (NumberFormatException notAnInteger) {
			return false;
		}
	}

}
