package org.timescales.casehistory;

import java.time.Instant;
import java.util.List;

/**
 * One process run under a case, as the engine's history has it: what it is, who started it (a
 * signed-in user, or {@code null} for the system), when it started and ended and why it ended early
 * ({@code endReason}, {@code null} when it ran to an end event), its tasks and every update of its
 * variables, oldest first.
 */
public record ProcessRun(String id, String process, String name, Instant startedAt, String startedBy, Instant endedAt,
		String endReason, List<TaskRun> tasks, List<FieldUpdate> updates) {

	public ProcessRun {
		tasks = List.copyOf(tasks);
		updates = List.copyOf(updates);
	}

	/** The process's name, or its key when the diagram gives it none. */
	public String title() {
		return name != null ? name : process;
	}

}
