package org.timescales.oversight;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What a manager answers for, team by team: the open breaches (worst first), the deadlines falling
 * due in the next working days, and each worker's share. Case references only, never a child's
 * details. Served as JSON ({@code /api/oversight}) and as the page {@code /oversight}.
 *
 * @param viewer who asked
 * @param generatedAt the engine clock's time when the report was made
 * @param today the London date the lateness is counted to
 * @param dueSoonUntil the last date counted as "due soon" (today + {@link Oversight#DUE_SOON_WORKING_DAYS} working days)
 */
public record OversightReport(String viewer, Instant generatedAt, LocalDate today, LocalDate dueSoonUntil,
		List<TeamOversight> teams) {

	/** The worker shown for work no one has picked up. */
	public static final String UNALLOCATED = "unallocated";

	/**
	 * One team's exposure.
	 *
	 * @param statutoryBreaches how many of the breaches are of a timescale set by law
	 */
	public record TeamOversight(String team, String name, String manager, int statutoryBreaches,
			List<Breach> breaches, List<DueSoon> dueSoon, List<WorkerSummary> workers) {
	}

	/**
	 * An open clock past its deadline.
	 *
	 * @param basis STATUTORY or LOCAL (null for a rule no longer configured)
	 * @param workingDaysLate working days from the due date to today (0 on the due date itself: an hour rule)
	 * @param hoursLate whole hours past the deadline, for hour rules (null for the others)
	 * @param worker the assignee of the process instance's open task due at the deadline, or "unallocated"
	 * @param escalationTier the highest tier raised (0: none yet, 1: team manager, 2: service manager)
	 */
	public record Breach(String caseRef, String caseUrl, long clockId, String ruleId, String label, String basis,
			LocalDate dueDate, Instant dueAt, int workingDaysLate, Long hoursLate, String worker, int escalationTier,
			List<Escalation> escalations) {
	}

	/** An escalation raised on the breach, and the manager's acknowledgement once reviewed. */
	public record Escalation(int tier, String manager, Instant raisedAt, String acknowledgedBy, Instant acknowledgedAt,
			String reasonForDelay, String actionAgreed, LocalDate newTargetDate) {

		public boolean acknowledged() {
			return acknowledgedAt != null;
		}

	}

	/**
	 * An open clock due in the next working days.
	 *
	 * @param workingDaysLeft working days from today to the due date (0: due today)
	 * @param hoursLeft whole hours to the deadline, for hour rules (null for the others)
	 */
	public record DueSoon(String caseRef, String caseUrl, long clockId, String ruleId, String label, String basis,
			LocalDate dueDate, Instant dueAt, int workingDaysLeft, Long hoursLeft, String worker) {
	}

	/**
	 * One worker's share of the team's exposure ("unallocated" for work no one has picked up).
	 *
	 * @param worstWorkingDaysLate the latest of their breaches in working days; null when they have none
	 */
	public record WorkerSummary(String worker, int breaches, Integer worstWorkingDaysLate, int dueSoon) {
	}

}
