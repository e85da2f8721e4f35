package org.timescales.casehistory;

import java.time.Instant;
import java.util.List;

/**
 * One task of a process: when it was created and due, each change of assignee, and how it ended:
 * completed, or ended without completion ({@code endReason}, e.g. deleted when a plan ended), with
 * who did it ({@code endedBy}, {@code null} when no signed-in user did).
 */
public record TaskRun(String id, String name, Instant createdAt, Instant dueAt, List<Assignment> assignments,
		Instant endedAt, String endReason, String endedBy) {

	public TaskRun {
		assignments = List.copyOf(assignments);
	}

	public boolean completed() {
		return COMPLETED.equals(endReason);
	}

	/** The engine's end reason of a task that was completed. */
	static final String COMPLETED = "completed";

	/**
	 * The task given to {@code assignee} ({@code added}) or taken back from them, by {@code by} ({@code null}
	 * when the system did it).
	 */
	public record Assignment(Instant at, String by, String assignee, boolean added) {
	}

}
