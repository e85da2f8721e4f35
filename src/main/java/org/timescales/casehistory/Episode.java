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
import org.timescales.proceedings.CareProceedingsVariables;
import org.timescales.proceedings.PreProceedingsVariables;
import org.timescales.referral.ReferralVariables;

import static org.timescales.pathway.PathwayVariables.CHILD_IN_NEED_PLAN;
import static org.timescales.pathway.PathwayVariables.CHILD_PROTECTION_PLAN;
import static org.timescales.pathway.PathwayVariables.SECTION_47;

/**
 * A child in need episode as the CIN census counts it: a referral and the stages of the pathway that
 * followed it, each later stage belonging to the latest referral started before it. A referral received
 * while the child's episode is still open is part of that episode, not a new one (DfE rules 8815, 8816
 * and 8820: a child's episodes never overlap). The episode closes when all its work has ended, on the
 * latest closure recorded. Pre-proceedings and care proceedings are stages of it too, the work of the
 * episode they follow: they open no episode (only a referral does) and close none (the episode closes
 * on a closure its other stages recorded), but while one runs its work is open, so the episode is.
 * A period in care is no stage of it. The CIN census and Annex A's list 6 count episodes, and close
 * them, this one way.
 */
public record Episode(ReferralRecord referral, Stage referralStage, List<Stage> followers) {

	private static final String REFERRAL = ReferralVariables.PROCESS_KEY;

	/** The process key of pre-proceedings (bpmn/preProceedings.bpmn). */
	public static final String PRE_PROCEEDINGS = PreProceedingsVariables.PROCESS_KEY;

	/** The process key of care proceedings (bpmn/careProceedings.bpmn). */
	public static final String CARE_PROCEEDINGS = CareProceedingsVariables.PROCESS_KEY;

	/** The stages that may record the episode's closure. */
	private static final Set<String> CLOSING = Set.of(REFERRAL, SECTION_47, CHILD_PROTECTION_PLAN, CHILD_IN_NEED_PLAN);

	private static final Set<String> PATHWAY = Set.of(REFERRAL, SECTION_47, CHILD_PROTECTION_PLAN, CHILD_IN_NEED_PLAN,
			PRE_PROCEEDINGS, CARE_PROCEEDINGS);

	/** The child's episodes, oldest referral first. */
	public static List<Episode> of(List<ReferralRecord> referrals, List<Stage> stages) {
		List<Stage> pathway = stages.stream().filter(s -> PATHWAY.contains(s.process())).toList();
		Map<String, Stage> byId = new HashMap<>();
		pathway.forEach(s -> byId.put(s.id(), s));
		List<Episode> byReferral = new ArrayList<>();
		for (ReferralRecord referral : referrals) {
			Stage stage = referral.processInstanceId() == null ? null : byId.get(referral.processInstanceId());
			byReferral.add(new Episode(referral, stage, new ArrayList<>()));
		}
		for (Stage s : pathway) {
			if (s.is(REFERRAL)) {
				continue;
			}
			Episode owner = null;
			for (Episode e : byReferral) {
				Instant started = e.referralStage() == null ? e.referral().receivedAt() : e.referralStage().startedAt();
				if (!started.isAfter(s.startedAt())) {
					owner = e;
				}
			}
			if (owner != null) {
				owner.followers().add(s);
			}
		}
		List<Episode> episodes = new ArrayList<>();
		for (Episode e : byReferral) {
			Episode open = episodes.isEmpty() ? null : episodes.get(episodes.size() - 1);
			if (open != null && open.openOn(e.start())) {
				// a re-referral of a child whose episode is open: its work joins that episode
				if (e.referralStage() != null) {
					open.followers().add(e.referralStage());
				}
				open.followers().addAll(e.followers());
			}
			else {
				episodes.add(e);
			}
		}
		return episodes;
	}

	/** Whether the episode is still open on {@code day}: not closed, or closed after it. */
	private boolean openOn(LocalDate day) {
		Stage closedBy = closedBy();
		return closedBy == null || closedBy.cinClosureDate().isAfter(day);
	}

	/** The episode's referrals' stages, the first referral's first (a re-referral's joined it). */
	public List<Stage> referralStages() {
		List<Stage> all = new ArrayList<>();
		if (referralStage != null) {
			all.add(referralStage);
		}
		followers.stream().filter(s -> s.is(REFERRAL)).forEach(all::add);
		return all;
	}

	/** The date the referral was received, as recorded (and corrected) on it. */
	public LocalDate start() {
		Instant received = referralStage == null ? null : referralStage.referralReceivedAt();
		return London.dateOf(received == null ? referral.receivedAt() : received);
	}

	public List<Stage> of(String process) {
		return followers.stream().filter(s -> s.is(process)).toList();
	}

	/**
	 * The stage that closed the episode: once all its work has ended (pre-proceedings and care
	 * proceedings included), the one with the latest closure recorded by a stage that may close it (never
	 * the proceedings); null while any of it runs, or when none recorded a closure.
	 */
	public Stage closedBy() {
		List<Stage> all = new ArrayList<>(followers);
		if (referralStage != null) {
			all.add(0, referralStage);
		}
		if (all.stream().anyMatch(s -> s.endedAt() == null)) {
			return null;
		}
		Stage closedBy = null;
		for (Stage s : all) {
			if (CLOSING.contains(s.process()) && s.cinClosureDate() != null
					&& (closedBy == null || !s.cinClosureDate().isBefore(closedBy.cinClosureDate()))) {
				closedBy = s;
			}
		}
		return closedBy;
	}

	/**
	 * The census's reason for closure (RC7, RC8, RC9) of the stage that closed the episode, as the census
	 * writes it (returns.CinCensusExport): RC8 and RC9 ("case closed after assessment") only for an
	 * episode closed at its assessment with nothing after it but referrals (DfE rule 2990, 8825Q); every other closure,
	 * no further action at the referral or a section 47 included, is RC7. An unknown reason is returned
	 * as recorded.
	 */
	public String reasonForClosure(Stage closedBy) {
		String reason = String.valueOf(closedBy.cinClosureReason());
		boolean atAssessment = closedBy.is(REFERRAL) && closedBy.assessmentStartDate() != null
				&& followers().stream().allMatch(s -> s.is(REFERRAL));
		return switch (reason) {
			case "NFA", "NO_ENQUIRY" -> atAssessment ? "RC8" : "RC7";
			case "EARLY_HELP" -> atAssessment ? "RC9" : "RC7";
			case "PLAN_ENDED" -> "RC7";
			default -> reason;
		};
	}

}
