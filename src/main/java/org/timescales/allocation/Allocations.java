package org.timescales.allocation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;
import org.timescales.casefile.Allocation;
import org.timescales.casefile.CaseRepository;
import org.timescales.casefile.ChildCase;
import org.timescales.casefile.Holdings;
import org.timescales.casefile.Transfer;
import org.timescales.clock.Clocks;
import org.timescales.escalation.EscalationVariables;
import org.timescales.pathway.PathwayVariables;
import org.timescales.refusal.InvalidRequestException;
import org.timescales.refusal.NotFoundException;
import org.timescales.security.Access;
import org.timescales.security.CaseAccess;
import org.timescales.security.Qualifications;
import org.timescales.security.Roles;
import org.timescales.supervision.Supervision;
import org.timescales.team.Teams;

/**
 * Who holds a child, changed by the two audited commands of a team's managers: allocating the case to a
 * worker of its team, and transferring it to another team. Each takes the case's row lock first and
 * runs in one transaction with the engine's writes, so it happens whole or not at all, and two changes
 * of one case run one after the other (the later allocation wins); a change made for a team that no
 * longer holds the case, because a transfer committed while it waited, is refused with 409.
 * <p>
 * Neither touches a clock's dates or timers: a transfer moves the case's running clocks to the new team
 * (where their breaches now go) and nothing else.
 */
@Service
public class Allocations {

	/** The engine variable that names a process's holding team: its tasks' candidates (candidateGroups="${team}"). */
	static final String TEAM = PathwayVariables.TEAM;

	/** Raised escalations stay with the manager who has them, whatever happens to the case. */
	static final String ESCALATION_PROCESS = EscalationVariables.PROCESS_KEY;

	private final CaseRepository cases;

	private final Holdings holdings;

	private final CaseAccess access;

	private final Access engineAccess;

	private final Teams teams;

	private final Qualifications qualifications;

	private final Clocks clocks;

	private final Supervision supervision;

	private final RuntimeService runtimeService;

	private final TaskService taskService;

	private final RepositoryService repositoryService;

	private final Clock clock;

	Allocations(CaseRepository cases, Holdings holdings, CaseAccess access, Access engineAccess, Teams teams,
			Qualifications qualifications, Clocks clocks, Supervision supervision, RuntimeService runtimeService,
			TaskService taskService, RepositoryService repositoryService, Clock clock) {
		this.supervision = supervision;
		this.engineAccess = engineAccess;
		this.cases = cases;
		this.holdings = holdings;
		this.access = access;
		this.teams = teams;
		this.qualifications = qualifications;
		this.clocks = clocks;
		this.runtimeService = runtimeService;
		this.taskService = taskService;
		this.repositoryService = repositoryService;
		this.clock = clock;
	}

	/**
	 * Allocates the case to a worker of the team that holds it. The case's open tasks and every task it
	 * gets from now on are assigned to the worker (the team still sees them), except work the worker is
	 * not qualified for. Allocating to the worker who already holds it changes nothing.
	 */
	@Transactional
	public Allocation allocate(String caseRef, String worker, String supervisor, String reason, String by) {
		ChildCase read = find(caseRef);
		access.requireManagerOf(read.team(), "allocate its cases");
		worker = required("worker", worker, "the user id of a worker of the team that holds the case");
		reason = required("reason", reason, "why this worker holds the child");
		supervisor = supervisor == null || supervisor.isBlank() ? null : supervisor.strip();
		ChildCase child = lockUnchanged(read);
		String team = child.team();
		if (!teams.userExists(worker)) {
			throw new InvalidRequestException("worker", "no user '" + worker + "'");
		}
		Set<String> groups = teams.groupsOf(worker);
		if (!groups.contains(team)) {
			throw new InvalidRequestException("worker", worker + " is not in team " + team + ", which holds the case");
		}
		List<ProcessInstance> running = runningWork(caseRef);
		List<String> keys = running.stream().map(this::keyOf).distinct().toList();
		var unmet = qualifications.unmetToHold(keys, groups);
		if (unmet.isPresent()) {
			throw new InvalidRequestException("worker", worker + " may not hold this case: "
					+ Qualifications.describe(unmet.get()));
		}
		supervisor = checkSupervisor(worker, groups, supervisor, team);
		var current = holdings.current(caseRef);
		if (current.isPresent() && current.get().worker().equals(worker)
				&& java.util.Objects.equals(current.get().supervisor(), supervisor)) {
			return current.get();
		}
		Instant now = clock.instant();
		holdings.endCurrent(caseRef, now, by, Allocation.REALLOCATED);
		holdings.allocate(caseRef, team, worker, supervisor, now, by, reason);
		if (supervisor != null) {
			supervision.start(caseRef, worker, supervisor);
		}
		else {
			supervision.end(caseRef, "Allocated to " + worker + ", a qualified social worker");
		}
		String previous = current.map(Allocation::worker).orElse(null);
		for (ProcessInstance instance : running) {
			for (Task task : openTasks(instance)) {
				if (isTeamWork(task, team) && qualifications.unmetToWork(keyOf(instance), task.getTaskDefinitionKey(), groups)
					.isEmpty()) {
					taskService.setAssignee(task.getId(), worker);
				}
				else if (previous != null && previous.equals(task.getAssignee())) {
					taskService.setAssignee(task.getId(), null);
				}
			}
		}
		return holdings.current(caseRef).orElseThrow();
	}

	/**
	 * Moves the case to another team: every running process follows (its tasks, their candidates, the team
	 * its future tasks go to), its running clocks now breach to the new team's managers, the old team loses
	 * sight of the case (each moved task is left granted to the new team and assignee only), and it arrives
	 * unallocated. Tasks the old team's manager had (an assessment to
	 * authorise) go to the new team's manager; a raised escalation stays with whoever has it.
	 */
	@Transactional
	public Transfer transfer(String caseRef, String toTeam, String reason, String by) {
		ChildCase read = find(caseRef);
		access.requireManagerOf(read.team(), "transfer its cases");
		toTeam = required("team", toTeam, "the team to transfer the case to");
		reason = required("reason", reason, "why the case moves");
		if (!teams.exists(toTeam)) {
			throw new InvalidRequestException("team", "no team '" + toTeam + "'");
		}
		if (read.team().equals(toTeam)) {
			throw new InvalidRequestException("team", "team " + toTeam + " already holds the case");
		}
		ChildCase child = lockUnchanged(read);
		String fromTeam = child.team();
		Instant now = clock.instant();
		Transfer transfer = new Transfer(caseRef, fromTeam, toTeam, now, by, reason);
		holdings.endCurrent(caseRef, now, by, Allocation.TRANSFERRED);
		holdings.transferred(transfer);
		cases.moveTo(caseRef, toTeam, now);
		clocks.transfer(caseRef, toTeam);
		// the case arrives unallocated: nobody is held to supervise a worker it no longer has
		supervision.end(caseRef, "Transferred to team " + toTeam);
		String oldManager = teams.managerOf(fromTeam);
		String newManager = teams.managerOf(toTeam);
		for (ProcessInstance instance : runtimeService.createProcessInstanceQuery()
			.processInstanceBusinessKey(caseRef)
			.list()) {
			if (Clocks.WATCH_PROCESS.equals(keyOf(instance))) {
				continue; // a watcher has no team of its own: it reads the clock's, moved above
			}
			runtimeService.setVariable(instance.getId(), TEAM, toTeam);
			if (ESCALATION_PROCESS.equals(keyOf(instance))) {
				continue;
			}
			for (Task task : openTasks(instance)) {
				boolean teamWork = isTeamWork(task, fromTeam);
				if (teamWork) {
					taskService.deleteCandidateGroup(task.getId(), fromTeam);
					taskService.addCandidateGroup(task.getId(), toTeam);
				}
				String assignee = task.getAssignee();
				String newAssignee = assignee != null && assignee.equals(oldManager) ? newManager : null;
				if (assignee != null) {
					taskService.setAssignee(task.getId(), newAssignee);
				}
				engineAccess.keepTaskGrantsOnly(task.getId(), teamWork ? toTeam : null, newAssignee);
			}
		}
		return transfer;
	}

	/**
	 * A differently qualified worker holds a case under a named social worker of the team, whose
	 * supervision carries its own clock (the supervision process) for as long as the allocation lasts.
	 */
	private String checkSupervisor(String worker, Set<String> groups, String supervisor, String team) {
		boolean differentlyQualified = groups.contains(Roles.FAMILY_PRACTITIONER)
				&& !groups.contains(Roles.SOCIAL_WORKER) && !groups.contains(Roles.CP_LEAD_PRACTITIONER);
		if (!differentlyQualified) {
			return null;
		}
		if (supervisor == null) {
			throw new InvalidRequestException("supervisor", "is required: " + worker
					+ " is a family practitioner, who holds a case under a supervising social worker");
		}
		Set<String> supervisorGroups = teams.userExists(supervisor) ? teams.groupsOf(supervisor) : Set.of();
		boolean socialWorker = supervisorGroups.contains(Roles.SOCIAL_WORKER)
				|| supervisorGroups.contains(Roles.CP_LEAD_PRACTITIONER) || supervisorGroups.contains(Roles.TEAM_MANAGER);
		if (!socialWorker || !(supervisorGroups.contains(team) || supervisor.equals(teams.managerOf(team)))) {
			throw new InvalidRequestException("supervisor",
					"must be a social worker or the manager of team " + team + ": '" + supervisor + "' is not");
		}
		return supervisor;
	}

	private ChildCase find(String caseRef) {
		return cases.findCase(caseRef).orElseThrow(() -> new NotFoundException("No case with reference " + caseRef));
	}

	/** Takes the case's lock; a case changed since this request read it is a conflict, not a retry. */
	private ChildCase lockUnchanged(ChildCase read) {
		ChildCase locked = cases.lock(read.caseRef()).orElseThrow();
		if (!locked.team().equals(read.team())) {
			throw new ResponseStatusException(HttpStatus.CONFLICT, "The case was transferred to team " + locked.team()
					+ " while this request was made; nothing was changed");
		}
		return locked;
	}

	/** The case's running processes that hold its work (a raised escalation is the manager's). */
	private List<ProcessInstance> runningWork(String caseRef) {
		return runtimeService.createProcessInstanceQuery()
			.processInstanceBusinessKey(caseRef)
			.list()
			.stream()
			.filter(instance -> !ESCALATION_PROCESS.equals(keyOf(instance)))
			.toList();
	}

	private List<Task> openTasks(ProcessInstance instance) {
		return taskService.createTaskQuery().processInstanceId(instance.getId()).list();
	}

	/** A task offered to the team (its candidates), as against one given to a named person such as the manager. */
	private boolean isTeamWork(Task task, String team) {
		for (IdentityLink link : taskService.getIdentityLinksForTask(task.getId())) {
			if (IdentityLinkType.CANDIDATE.equals(link.getType()) && team.equals(link.getGroupId())) {
				return true;
			}
		}
		return false;
	}

	String keyOf(ProcessInstance instance) {
		return repositoryService.getProcessDefinition(instance.getProcessDefinitionId()).getKey();
	}

	private static String required(String field, String value, String what) {
		if (value == null || value.isBlank()) {
			throw new InvalidRequestException(field, "is required: " + what);
		}
		if (value.strip().length() > 1000) {
			throw new InvalidRequestException(field, "is longer than 1000 characters");
		}
		return value.strip();
	}

}
