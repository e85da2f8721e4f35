package org.timescales.oversight;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.timescales.calendar.London;
import org.timescales.calendar.WorkingCalendar;
import org.timescales.casefile.Allocation;
import org.timescales.casefile.CaseRepository;
import org.timescales.casefile.Holdings;
import org.timescales.clock.ClockLedger;
import org.timescales.escalation.EscalationVariables;
import org.timescales.pathway.PathwayVariables;
import org.timescales.security.AsSystem;
import org.timescales.security.Qualifications;
import org.timescales.security.Roles;
import org.timescales.supervision.Supervision;
import org.timescales.team.Teams;

/**
 * A team's caseloads: each worker's open children by kind of work, with their overdue clocks, and the
 * children nobody holds, longest waiting first. A child is open while any process of theirs runs (a
 * raised escalation alone does not keep a case open); the kind is the most serious work running: child
 * protection (a section 47 enquiry or a plan), then looked after (in care or leaving it), then child in
 * need (referral, assessment, plan, complaint, return interview).
 */
@Service
public class Caseloads {

	private static final Set<String> CHILD_PROTECTION = Set.of("section47", "childProtectionPlan");

	private static final Set<String> LOOKED_AFTER = Set.of("childLookedAfter", "careLeaver");

	/**
	 * Not a case's own work: an escalation is its manager's, a supervision its supervisor's, a deadline
	 * watch the system's.
	 */
	private static final Set<String> NOT_CASEWORK = Set.of(EscalationVariables.PROCESS_KEY, Supervision.PROCESS,
			org.timescales.clock.Clocks.WATCH_PROCESS);

	/** The roles a worker's role is named by, the first one held. */
	private static final List<String> ROLES = List.of(Roles.CP_LEAD_PRACTITIONER, Roles.SOCIAL_WORKER,
			Roles.FAMILY_PRACTITIONER, Roles.TEAM_MANAGER, Roles.PRACTITIONER);

	public record WorkerCaseload(String worker, String role, int children, int childProtection, int lookedAfter,
			int childInNeed, int overdueClocks) {
	}

	public record Unallocated(String caseRef, Instant since, int workingDaysUnallocated) {
	}

	/** A child whose work has grown past what the worker holding them may hold (a section 47 after family help). */
	public record HeldWithoutQualification(String caseRef, String worker, String rule) {
	}

	public record Caseload(String team, String teamName, List<WorkerCaseload> workers, List<Unallocated> unallocated,
			List<HeldWithoutQualification> heldWithoutQualification) {
	}

	private final CaseRepository cases;

	private final Holdings holdings;

	private final ClockLedger clocks;

	private final Teams teams;

	private final OversightScope scope;

	private final RuntimeService runtimeService;

	private final RepositoryService repositoryService;

	private final WorkingCalendar calendar;

	private final AsSystem asSystem;

	private final Qualifications qualifications;

	private final Clock clock;

	Caseloads(CaseRepository cases, Holdings holdings, ClockLedger clocks, Teams teams, OversightScope scope,
			RuntimeService runtimeService, RepositoryService repositoryService, WorkingCalendar calendar,
			AsSystem asSystem, Qualifications qualifications, Clock clock) {
		this.qualifications = qualifications;
		this.cases = cases;
		this.holdings = holdings;
		this.clocks = clocks;
		this.teams = teams;
		this.scope = scope;
		this.runtimeService = runtimeService;
		this.repositoryService = repositoryService;
		this.calendar = calendar;
		this.asSystem = asSystem;
		this.clock = clock;
	}

	/** The team's caseloads; whether the viewer answers for the team is the caller's check. */
	public Caseload of(String team) {
		Instant now = clock.instant();
		// as the system: the viewer's right to the team is decided, and a manager holds no task grants
		Map<String, Set<String>> open = asSystem.call(() -> openCasesOf(team));
		Map<String, Allocation> allocated = holdings.current(open.keySet());
		Map<String, Integer> overdue = clocks.overdueByCase(open.keySet(), now);
		Map<String, int[]> byWorker = new LinkedHashMap<>();
		Set<String> workers = new LinkedHashSet<>(asSystem.call(() -> teams.membersOf(team)));
		List<HeldWithoutQualification> unqualified = new ArrayList<>();
		Map<String, Set<String>> groupsOf = new java.util.HashMap<>();
		for (Map.Entry<String, Set<String>> child : open.entrySet()) {
			Allocation allocation = allocated.get(child.getKey());
			if (!heldIn(allocation, team)) {
				continue;
			}
			workers.add(allocation.worker());
			Set<String> holderGroups = groupsOf.computeIfAbsent(allocation.worker(),
					w -> asSystem.call(() -> teams.groupsOf(w)));
			qualifications.unmetToHold(child.getValue(), holderGroups)
				.ifPresent(rule -> unqualified.add(new HeldWithoutQualification(child.getKey(), allocation.worker(),
						Qualifications.describe(rule))));
			int[] counts = byWorker.computeIfAbsent(allocation.worker(), w -> new int[5]);
			counts[0]++;
			Set<String> kinds = child.getValue();
			if (kinds.stream().anyMatch(CHILD_PROTECTION::contains)) {
				counts[1]++;
			}
			else if (kinds.stream().anyMatch(LOOKED_AFTER::contains)) {
				counts[2]++;
			}
			else {
				counts[3]++;
			}
			counts[4] += overdue.getOrDefault(child.getKey(), 0);
		}
		List<WorkerCaseload> loads = new ArrayList<>();
		for (String worker : workers) {
			Set<String> groups = groupsOf.computeIfAbsent(worker, w -> asSystem.call(() -> teams.groupsOf(w)));
			String role = ROLES.stream().filter(groups::contains).findFirst().orElse(null);
			int[] c = byWorker.getOrDefault(worker, new int[5]);
			if (role == null && c[0] == 0) {
				continue; // a member of the team's group who holds no cases: not a caseworker
			}
			loads.add(new WorkerCaseload(worker, role, c[0], c[1], c[2], c[3], c[4]));
		}
		loads.sort(Comparator.comparingInt(WorkerCaseload::children).reversed().thenComparing(WorkerCaseload::worker));
		return new Caseload(team, scope.nameOf(team), loads, unallocated(team, open, allocated), unqualified);
	}

	/** The team's open children the worker holds in it, by case reference: a practitioner's own caseload. */
	public List<String> heldBy(String team, String worker) {
		Map<String, Set<String>> open = asSystem.call(() -> openCasesOf(team));
		Map<String, Allocation> allocated = holdings.current(open.keySet());
		return open.keySet()
			.stream()
			.filter(ref -> heldIn(allocated.get(ref), team) && worker.equals(allocated.get(ref).worker()))
			.toList();
	}

	/** The team's open children nobody holds, longest waiting first: what the breaches page and the digest list. */
	public List<Unallocated> unallocatedOf(String team) {
		Map<String, Set<String>> open = asSystem.call(() -> openCasesOf(team));
		return unallocated(team, open, holdings.current(open.keySet()));
	}

	private List<Unallocated> unallocated(String team, Map<String, Set<String>> open,
			Map<String, Allocation> allocated) {
		LocalDate today = London.dateOf(clock.instant());
		List<Unallocated> unallocated = new ArrayList<>();
		for (String caseRef : open.keySet()) {
			if (!heldIn(allocated.get(caseRef), team)) {
				Instant since = unallocatedSince(caseRef, team);
				unallocated.add(new Unallocated(caseRef, since, calendar.workingDaysBetween(London.dateOf(since), today)));
			}
		}
		unallocated.sort(Comparator.comparing(Unallocated::since).thenComparing(Unallocated::caseRef));
		return unallocated;
	}

	/** Whether an allocation holds the case in this team (one made in a team the case has left does not). */
	private static boolean heldIn(Allocation allocation, String team) {
		return allocation != null && team.equals(allocation.team());
	}

	/** The team's open cases and the keys of the processes running for each. */
	private Map<String, Set<String>> openCasesOf(String team) {
		Map<String, Set<String>> open = new java.util.TreeMap<>();
		for (ProcessInstance instance : runtimeService.createProcessInstanceQuery()
			.variableValueEquals(PathwayVariables.TEAM, team)
			.list()) {
			String key = repositoryService.getProcessDefinition(instance.getProcessDefinitionId()).getKey();
			if (instance.getBusinessKey() != null && !NOT_CASEWORK.contains(key)) {
				open.computeIfAbsent(instance.getBusinessKey(), ref -> new LinkedHashSet<>()).add(key);
			}
		}
		return open;
	}

	/** Since the team took the case or its last allocation in the team ended, whichever is later. */
	private Instant unallocatedSince(String caseRef, String team) {
		Instant heldSince = cases.heldSince(caseRef);
		return holdings.lastEnded(caseRef, team).filter(ended -> ended.isAfter(heldSince)).orElse(heldSince);
	}

}
