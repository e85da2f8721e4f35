package org.timescales.casehistory;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.timescales.calendar.London;
import org.timescales.casefile.ReferralRecord;
import org.timescales.referral.ReferralVariables;

import static org.timescales.pathway.PathwayVariables.CHILD_IN_NEED_PLAN;
import static org.timescales.pathway.PathwayVariables.CHILD_PROTECTION_PLAN;
import static org.timescales.pathway.PathwayVariables.SECTION_47;

/**
 * A child in need episode as the CIN census counts it: a referral and the stages of the pathway that
 * followed it, each later stage belonging to the latest referral started before it; closed by the last
 * of them to record a closure. A period in care is no stage of it. The CIN census and Annex A's list 6
 * count episodes, and close them, this one way.
 */
public record Episode(ReferralRecord referral, Stage referralStage, List<Stage> followers) {

	private static final String REFERRAL = ReferralVariables.PROCESS_KEY;

	private static final Set<String> PATHWAY = Set.of(REFERRAL, SECTION_47, CHILD_PROTECTION_PLAN, CHILD_IN_NEED_PLAN);

	/** The child's episodes, oldest referral first. */
	public static List<Episode> of(List<ReferralRecord> referrals, List<Stage> stages) {
		List<Stage> pathway = stages.stream().filter(s -> PATHWAY.contains(s.process())).toList();
		Map<String, Stage> byId = new HashMap<>();
		pathway.forEach(s -> byId.put(s.id(), s));
		List<Episode> episodes = new ArrayList<>();
		for (ReferralRecord referral : referrals) {
			Stage stage = referral.processInstanceId() == null ? null : byId.get(referral.processInstanceId());
			episodes.add(new Episode(referral, stage, new ArrayList<>()));
		}
		for (Stage s : pathway) {
			if (s.is(REFERRAL)) {
				continue;
			}
			Episode owner = null;
			for (Episode e : episodes) {
				Instant started = e.referralStage() == null ? e.referral().receivedAt() : e.referralStage().startedAt();
				if (!started.isAfter(s.startedAt())) {
					owner = e;
				}
			}
			if (owner != null) {
				owner.followers().add(s);
			}
		}
		return episodes;
	}

	/** The date the referral was received, as recorded (and corrected) on it. */
	public LocalDate start() {
		Instant received = referralStage == null ? null : referralStage.referralReceivedAt();
		return London.dateOf(received == null ? referral.receivedAt() : received);
	}

	public List<Stage> of(String process) {
		return followers.stream().filter(s -> s.is(process)).toList();
	}

	/** The stage that closed the episode (the last to record a closure), if one did. */
	public Stage closedBy() {
		Stage closedBy = referralStage != null && referralStage.cinClosureDate() != null ? referralStage : null;
		for (Stage s : followers) {
			if (s.cinClosureDate() != null) {
				closedBy = s;
			}
		}
		return closedBy;
	}

	/**
	 * The census's reason for closure (RC7, RC8, RC9) of the stage that closed the episode, as the census
	 * writes it (returns.CinCensusExport): RC8 and RC9 ("case closed after assessment") only for an
	 * episode closed at its assessment with nothing after it (DfE rule 2990, 8825Q); every other closure,
	 * no further action at the referral or a section 47 included, is RC7. An unknown reason is returned
	 * as recorded.
	 */
	public String reasonForClosure(Stage closedBy) {
		String reason = String.valueOf(closedBy.cinClosureReason());
		boolean atAssessment = closedBy.is(REFERRAL) && closedBy.assessmentStartDate() != null
				&& followers().isEmpty();
		return switch (reason) {
			case "NFA", "NO_ENQUIRY" -> atAssessment ? "RC8" : "RC7";
			case "EARLY_HELP" -> atAssessment ? "RC9" : "RC7";
			case "PLAN_ENDED" -> "RC7";
			default -> reason;
		};
	}

}
