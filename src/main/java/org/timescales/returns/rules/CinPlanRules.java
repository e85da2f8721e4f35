package org.timescales.returns.rules;

import java.util.List;

import org.timescales.returns.rules.CensusReturn.CinDetails;
import org.timescales.returns.rules.CensusReturn.CinPlan;
import org.timescales.returns.rules.CensusReturn.Child;
import org.timescales.returns.rules.CensusReturn.ChildProtectionPlan;

import static org.timescales.returns.rules.Walk.*;

/**
 * The DfE's error-type rules on module CINplanDates, each ported from data-to-insight's
 * {@code cin_validator/rules/<year>/rule_<code>.py}.
 */
final class CinPlanRules {

	static final String START = "CINplanDates.CINPlanStartDate";

	static final String END = "CINplanDates.CINPlanEndDate";

	static final List<CensusRule> RULES = List.of(
			// cin2022_23/rule_4010.py
			new CensusRule("4010", "CIN Plan start date is missing or out of data collection period",
					(census, report) -> eachModule(census, CinDetails::cinPlans, (child, episode, plan) -> {
						if (plan.startDate() == null || plan.startDate().isAfter(census.referenceDate())) {
							report.fired(child, START, plan.startDate());
						}
					})),
			// cin2022_23/rule_4011.py
			new CensusRule("4011", "CIN Plan End Date earlier than Start Date",
					(census, report) -> eachModule(census, CinDetails::cinPlans, (child, episode, plan) -> {
						if (before(plan.endDate(), plan.startDate())) {
							report.fired(child, END, plan.endDate());
							report.fired(child, START, plan.startDate());
						}
					})),
			// cin2022_23/rule_4004.py: within one CINdetails, as the DfE's rule says
			new CensusRule("4004", "This child is showing more than one open CIN Plan, i.e. with no End Date",
					(census, report) -> eachEpisode(census, (child, episode) -> {
						List<CinPlan> open = episode.cinPlans().stream().filter(p -> p.endDate() == null).toList();
						if (open.size() > 1) {
							report.fired(child, END, null);
						}
					})),
			// cin2022_23/rule_4000.py: the validator names the plan by its LAchildID
			new CensusRule("4000", "CIN Plan details provided for a referral with no further action",
					(census, report) -> eachEpisode(census, (child, episode) -> {
						if (Boolean.TRUE.equals(episode.referralNfa()) && !episode.cinPlans().isEmpty()) {
							report.fired(child, "CINplanDates.LAchildID", child.laChildId());
							report.fired(child, EpisodeFields.REFERRAL_NFA, episode.referralNfa());
						}
					})),
			// cin2022_23/rule_4015.py
			new CensusRule("4015", "The CIN Plan start date cannot be before the referral date",
					(census, report) -> eachModule(census, CinDetails::cinPlans, (child, episode, plan) -> {
						if (before(plan.startDate(), episode.cinReferralDate())) {
							report.fired(child, START, plan.startDate());
							report.fired(child, EpisodeFields.REFERRAL_DATE, episode.cinReferralDate());
						}
					})),
			// cin2022_23/rule_4001.py: an open CPP and an open CIN plan in the same CINdetails
			new CensusRule("4001", "A CIN Plan cannot run concurrently with a Child Protection Plan",
					(census, report) -> eachEpisode(census, (child, episode) -> {
						for (ChildProtectionPlan cpp : episode.childProtectionPlans()) {
							for (CinPlan plan : episode.cinPlans()) {
								if (cpp.endDate() == null && plan.startDate() != null && plan.endDate() == null) {
									report.fired(child, ProtectionPlanRules.END, null);
									report.fired(child, END, null);
								}
							}
						}
					})),
			// cin2022_23/rule_4014.py: compares the child's plans across all its CINdetails
			new CensusRule("4014", "CIN Plan data contains overlapping dates", CinPlanRules::overlappingPlans),
			// cin2022_23/rule_4016.py: the child's CIN plans against its CPPs, across all its CINdetails
			new CensusRule("4016", "A CIN Plan has been reported as open at the same time as a Child Protection Plan.",
					(census, report) -> eachModule(census, CinDetails::cinPlans, (child, episode, plan) -> {
						for (ChildProtectionPlan cpp : plans(child)) {
							if (within(plan.startDate(), cpp.startDate(), cpp.endDate(), census.referenceDate(),
									false)) {
								report.fired(child, ProtectionPlanRules.START, cpp.startDate());
								report.fired(child, ProtectionPlanRules.END, cpp.endDate());
								report.fired(child, START, plan.startDate());
							}
						}
					})),
			// cin2022_23/rule_4017.py: the child's CPPs against its CIN plans, across all its CINdetails
			new CensusRule("4017", "A CIN Plan has been reported as open at the same time as a Child Protection Plan.",
					(census, report) -> eachEpisode(census, (child, episode) -> {
						for (ChildProtectionPlan cpp : episode.childProtectionPlans()) {
							for (CinPlan plan : cinPlans(child)) {
								if (within(cpp.startDate(), plan.startDate(), plan.endDate(), census.referenceDate(),
										false)) {
									report.fired(child, ProtectionPlanRules.START, cpp.startDate());
									report.fired(child, START, plan.startDate());
									report.fired(child, END, plan.endDate());
								}
							}
						}
					})),
			// cin2022_23/rule_4013.py
			new CensusRule("4013", "CIN Plan end date must fall within the census year",
					(census, report) -> eachModule(census, CinDetails::cinPlans, (child, episode, plan) -> {
						if (outside(plan.endDate(), census)) {
							report.fired(child, END, plan.endDate());
						}
					})));

	private CinPlanRules() {
	}

	/**
	 * 4014: a plan may not start on or after another plan's start and on or before its end (its
	 * reference date when open). Equal starts make each plan overlap the other.
	 */
	private static void overlappingPlans(CensusReturn census, CensusRule.Report report) {
		for (Child child : census.children()) {
			List<CinPlan> plans = cinPlans(child);
			for (int i = 0; i < plans.size(); i++) {
				for (int j = 0; j < plans.size(); j++) {
					CinPlan plan = plans.get(i);
					CinPlan other = plans.get(j);
					if (i != j && within(plan.startDate(), other.startDate(), other.endDate(), census.referenceDate(),
							true)) {
						report.fired(child, START, plan.startDate());
						report.fired(child, START, other.startDate());
						report.fired(child, END, other.endDate());
					}
				}
			}
		}
	}

	/** CINdetails fields these rules name. */
	static final class EpisodeFields {

		static final String REFERRAL_DATE = "CINdetails.CINreferralDate";

		static final String REFERRAL_NFA = "CINdetails.ReferralNFA";

		static final String CLOSURE_DATE = "CINdetails.CINclosureDate";

		static final String INITIAL_CPC = "CINdetails.DateOfInitialCPC";

		private EpisodeFields() {
		}

	}

}
