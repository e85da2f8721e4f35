package org.timescales.oversight;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What a manager answers for, team by team: the open breaches (worst first), the breaches whose work
 * is done but whose escalation is not yet acknowledged, the deadlines falling due in the next working
 * days, and each worker's share. Case references only, never a child's
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
	 * @param awaitingReview escalations not yet acknowledged whose clock has stopped, earliest raised first
	 */
	public record TeamOversight(String team, String name, String manager, int statutoryBreaches,
			List<Breach> breaches, List<AwaitingReview> awaitingReview, List<DueSoon> dueSoon,
			List<WorkerSummary> workers, List<Caseloads.Unallocated> unallocated, List<WeekOfBreaches> byWeek) {
	}

	/**
	 * A week (Monday to Sunday, UK) of the team's breaches: how many of its clocks were past their deadline
	 * with the work still open at the week's end (this week: now). A clock counts against the team now
	 * holding the case and its deadline as it stands (after any extension).
	 *
	 * @param height the bar's height on the page's chart, 0–100, 100 for the team's busiest week
	 */
	public record WeekOfBreaches(LocalDate weekStarting, int openAtEnd, Double height) {

		private static final java.time.format.DateTimeFormatter LABEL = java.time.format.DateTimeFormatter
			.ofPattern("dd/MM");

		/** The chart's label under the bar: the Monday, "09/11". */
		public String label() {
			return LABEL.format(weekStarting);
		}

		/** The chart's text over the bar (fragments/bar-chart). */
		public String shown() {
			return Integer.toString(openAtEnd);
		}

		/** The chart's description of the bar. */
		public String described() {
			return openAtEnd + (openAtEnd == 1 ? " breach" : " breaches") + " open at the end of the week beginning "
					+ java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy").format(weekStarting);
		}

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
	 * A breach whose clock has stopped (the work done late, or the clock cancelled) while the manager's
	 * review of the delay, an escalation, is still not acknowledged. Open clocks are never listed here:
	 * their escalations are shown with the breach.
	 *
	 * @param stoppedAt when the clock stopped: when the work was done (or the clock cancelled); for work
	 *        recorded by its date, the start of that day
	 * @param stoppedOn the London date of {@code stoppedAt}
	 * @param outcome MET_LATE or CANCELLED
	 * @param workingDaysLate working days from the due date to the London date the clock stopped
	 * @param tier the escalation's tier (1: team manager, 2: service manager)
	 * @param manager who is to review it
	 */
	public record AwaitingReview(String caseRef, String caseUrl, long clockId, String ruleId, String label,
			String basis, LocalDate dueDate, Instant dueAt, Instant stoppedAt, LocalDate stoppedOn, String outcome,
			int workingDaysLate, int tier, String manager, Instant raisedAt) {
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
