package org.timescales.returns.rules;

import java.time.DayOfWeek;
import java.util.List;

import org.timescales.returns.rules.CensusReturn.CinDetails;
import org.timescales.returns.rules.CensusReturn.Child;
import org.timescales.returns.rules.CensusReturn.Section47;
import org.timescales.returns.rules.CinPlanRules.EpisodeFields;

import static org.timescales.returns.rules.Walk.*;

/**
 * The DfE's error-type rules on module Section47, each ported from data-to-insight's
 * {@code cin_validator/rules/<year>/rule_<code>.py}.
 */
final class Section47Rules {

	static final String START = "Section47.S47ActualStartDate";

	static final String INITIAL_CPC = "Section47.DateOfInitialCPC";

	static final String NOT_REQUIRED = "Section47.ICPCnotRequired";

	static final List<CensusRule> RULES = List.of(
			// cin2022_23/rule_8715.py
			new CensusRule("8715", "Date of Initial Child Protection Conference must fall within the census year",
					(census, report) -> eachModule(census, CinDetails::section47s, (child, episode, s47) -> {
						if (outside(s47.dateOfInitialCpc(), census)) {
							report.fired(child, INITIAL_CPC, s47.dateOfInitialCpc());
						}
					})),
			// cin2022_23/rule_8615.py
			new CensusRule("8615",
					"Section 47 Enquiry Start Date must be present and cannot be later than the date of the initial Child Protection Conference",
					(census, report) -> eachModule(census, CinDetails::section47s, (child, episode, s47) -> {
						if (before(s47.dateOfInitialCpc(), s47.actualStartDate())
								|| (s47.dateOfInitialCpc() != null && s47.actualStartDate() == null)) {
							report.fired(child, START, s47.actualStartDate());
							report.fired(child, INITIAL_CPC, s47.dateOfInitialCpc());
						}
					})),
			// cin2022_23/rule_2889.py
			new CensusRule("2889", "The S47 start date cannot be before the referral date.",
					(census, report) -> eachModule(census, CinDetails::section47s, (child, episode, s47) -> {
						if (before(s47.actualStartDate(), episode.cinReferralDate())) {
							report.fired(child, EpisodeFields.REFERRAL_DATE, episode.cinReferralDate());
							report.fired(child, START, s47.actualStartDate());
						}
					})),
			// cin2022_23/rule_8740.py. The validator takes only "0" for false (ICPCnotRequired == "0"), so
			// misses "false", which the schema allows as well; this follows the DfE's rule: false either way.
			new CensusRule("8740",
					"For a Section 47 Enquiry that has not held the Initial Child Protection Conference by the end of the census year, the start date must fall within the census year",
					(census, report) -> eachModule(census, CinDetails::section47s, (child, episode, s47) -> {
						if (s47.dateOfInitialCpc() == null && Boolean.FALSE.equals(s47.icpcNotRequired())
								&& outside(s47.actualStartDate(), census)) {
							report.fired(child, START, s47.actualStartDate());
							report.fired(child, INITIAL_CPC, null);
							report.fired(child, NOT_REQUIRED, s47.icpcNotRequired());
						}
					})),
			// cin2022_23/rule_1104.py
			new CensusRule("1104", "The date of the initial child protection conference cannot be before the referral date",
					(census, report) -> eachModule(census, CinDetails::section47s, (child, episode, s47) -> {
						if (before(s47.dateOfInitialCpc(), episode.cinReferralDate())) {
							report.fired(child, INITIAL_CPC, s47.dateOfInitialCpc());
							report.fired(child, EpisodeFields.REFERRAL_DATE, episode.cinReferralDate());
						}
					})),
			// cin2022_23/rule_8839.py: open means no conference date and ICPCnotRequired not true
			new CensusRule("8839", "Within one CINDetails group there are 2 or more open S47 Assessments",
					(census, report) -> eachEpisode(census, (child, episode) -> {
						long open = episode.section47s()
							.stream()
							.filter(s -> s.dateOfInitialCpc() == null && !Boolean.TRUE.equals(s.icpcNotRequired()))
							.count();
						if (open > 1) {
							report.fired(child, INITIAL_CPC, null);
						}
					})),
			// cin2022_23/rule_2884.py: the validator matches the child's CINdetails conference dates
			// against all its Section47 conference dates, whichever CINdetails they belong to
			new CensusRule("2884",
					"An initial child protection conference is recorded at both the S47 and CIN Details level and it should only be recorded in one",
					(census, report) -> {
						for (Child child : census.children()) {
							for (CinDetails episode : child.cinDetails()) {
								for (CinDetails other : child.cinDetails()) {
									for (Section47 s47 : other.section47s()) {
										if (episode.dateOfInitialCpc() != null
												&& episode.dateOfInitialCpc().equals(s47.dateOfInitialCpc())) {
											report.fired(child, INITIAL_CPC, s47.dateOfInitialCpc());
											report.fired(child, EpisodeFields.INITIAL_CPC, episode.dateOfInitialCpc());
										}
									}
								}
							}
						}
					}),
			// cin2022_23/rule_8875.py
			new CensusRule("8875", "The Date of Initial Child Protection Conference cannot be a weekend",
					(census, report) -> eachModule(census, CinDetails::section47s, (child, episode, s47) -> {
						DayOfWeek day = s47.dateOfInitialCpc() == null ? null : s47.dateOfInitialCpc().getDayOfWeek();
						if (day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY) {
							report.fired(child, INITIAL_CPC, s47.dateOfInitialCpc());
						}
					})));

	private Section47Rules() {
	}

}
