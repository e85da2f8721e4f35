package org.timescales.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.timescales.allocation.Allocations;
import org.timescales.calendar.London;
import org.timescales.casefile.CaseRepository;
import org.timescales.casefile.Holdings;
import org.timescales.security.Roles;
import org.timescales.calendar.WorkingCalendar;
import org.timescales.lookedafter.LookedAfterService;
import org.timescales.referral.ReferralRequest;
import org.timescales.referral.ReferralService;

import static org.timescales.referral.ReferralVariables.*;

/**
 * Demo users, groups and cases, only in the {@code demo} profile. Idempotent: a restart finds them
 * and adds nothing. The cases are back-dated so that one is already overdue and escalates within a
 * minute of start-up.
 */
@Component
@Profile("demo")
@Order(1)
class DemoData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	static final String PASSWORD = "demo";

	/** id, first name, last name, groups. */
	static final List<List<String>> USERS = List.of(
			List.of("sam", "Sam", "Patel", "practitioner,social-worker,north"),
			List.of("fay", "Fay", "Owen", "practitioner,family-practitioner,north"),
			List.of("cal", "Cal", "Reid", "practitioner,cp-lead-practitioner,north"),
			List.of("jo", "Jo", "Khan", "practitioner,social-worker,south"),
			List.of("ben", "Ben", "Cole", "practitioner,social-worker,andover"),
			List.of("mia", "Mia", "Evans", "team-manager,north"),
			List.of("raj", "Raj", "Shah", "team-manager,south"),
			List.of("ana", "Ana", "Lopez", "team-manager,andover"),
			List.of("lee", "Lee", "Morgan", "service-manager,north,south,andover"),
			List.of("ava", "Ava", "Brown", "auditor"),
			List.of("admin", "Demo", "Admin", "camunda-admin"));

	static final Map<String, String> GROUPS = Map.ofEntries(Map.entry("practitioner", "Practitioners"),
			Map.entry("social-worker", "Social workers"), Map.entry("family-practitioner", "Family practitioners"),
			Map.entry("cp-lead-practitioner", "Child protection lead practitioners"),
			Map.entry("team-manager", "Team managers"), Map.entry("service-manager", "Service managers"),
			Map.entry("auditor", "Auditors"), Map.entry("camunda-admin", "Administrators"),
			Map.entry("north", "North Assessment Team"), Map.entry("south", "South Assessment Team"),
			Map.entry("andover", "Andover Family Help Team"));

	/** The demo's teams: groups of type TEAM, the rest are roles. */
	static final java.util.Set<String> TEAMS = java.util.Set.of("north", "south", "andover");

	private final IdentityService identityService;

	private final TaskService taskService;

	private final RuntimeService runtimeService;

	private final ReferralService referrals;

	private final LookedAfterService lookedAfter;

	private final WorkingCalendar calendar;

	private final Allocations allocations;

	private final Holdings holdings;

	private final CaseRepository cases;

	private final Clock clock;

	DemoData(IdentityService identityService, TaskService taskService, RuntimeService runtimeService,
			ReferralService referrals, LookedAfterService lookedAfter, WorkingCalendar calendar, Allocations allocations,
			Holdings holdings, CaseRepository cases, Clock clock) {
		this.allocations = allocations;
		this.holdings = holdings;
		this.cases = cases;
		this.identityService = identityService;
		this.taskService = taskService;
		this.runtimeService = runtimeService;
		this.referrals = referrals;
		this.lookedAfter = lookedAfter;
		this.calendar = calendar;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		GROUPS.forEach(this::group);
		USERS.forEach(this::user);
		LocalDate today = LocalDate.now(clock.withZone(London.ZONE));
		// just received: the decision is due by the end of the next working day
		referral("DEMO-R-0001", "DEMO-C-0001", "Alfie", "Example", "2019-04-12", today, "2A", "north", null);
		// received three working days ago and still undecided: the decision is overdue
		referral("DEMO-R-0002", "DEMO-C-0002", "Bella", "Example", "2015-09-30", workingDaysAgo(today, 3), "6", "north",
				null);
		// referred 52 working days ago: past 45 working days and still open 5 days later, so escalated to the team
		// manager and then the service manager
		referral("DEMO-R-0003", "DEMO-C-0003", "Charlie", "Sample", "2012-01-20", workingDaysAgo(today, 52), "3A",
				"north", "ASSESSMENT");
		// assessment 44 working days in: due tomorrow, its reminder has gone out
		referral("DEMO-R-0004", "DEMO-C-0004", "Daisy", "Sample", "2020-06-02", workingDaysAgo(today, 44), "1A", "south",
				"ASSESSMENT");
		// assessment well within time
		referral("DEMO-R-0005", "DEMO-C-0005", "Ellis", "Test", "2017-11-05", workingDaysAgo(today, 10), "5A", "south",
				"ASSESSMENT");
		// a child on a protection plan since an ICPC 12 working days ago: the first visit is overdue
		onAPlan("DEMO-R-0006", "DEMO-C-0006", workingDaysAgo(today, 25), workingDaysAgo(today, 12));
		// looked after for 18 working days: the first review and health assessment are due in 2 days
		lookedAfter("DEMO-R-0007", "DEMO-C-0007", workingDaysAgo(today, 18));
		// an assessment held by a family practitioner, under a supervising social worker
		referral("DEMO-R-0008", "DEMO-C-0008", "Harper", "Example", "2016-03-03", workingDaysAgo(today, 8), "2A",
				"north", "ASSESSMENT");
		// referred to north, then moved to Andover's family help team, where it waits for allocation
		referral("DEMO-R-0009", "DEMO-C-0009", "Indie", "Sample", "2018-07-21", workingDaysAgo(today, 6), "5A", "north",
				"ASSESSMENT");
		// who holds whom: C-0001 and C-0002 are left unallocated in north
		allocate("mia", "DEMO-C-0003", "north", "sam", null, "Demo: allocated at the Monday allocation meeting");
		allocate("mia", "DEMO-C-0006", "north", "cal", null, "Demo: a complex protection case for the CP lead practitioner");
		allocate("mia", "DEMO-C-0008", "north", "fay", "sam", "Demo: family help, supervised by Sam");
		allocate("raj", "DEMO-C-0005", "south", "jo", null, "Demo: allocated on referral");
		transfer("mia", "DEMO-C-0009", "north", "andover", "Demo: the family needs family help, not assessment");
	}

	/** Once: a case still unallocated in the team the demo left it in is allocated, as its manager would. */
	private void allocate(String manager, String caseRef, String team, String worker, String supervisor, String reason) {
		if (holdings.current(caseRef).isEmpty() && cases.findCase(caseRef).map(c -> c.team().equals(team)).orElse(false)) {
			as(manager, () -> allocations.allocate(caseRef, worker, supervisor, reason, manager));
			log.info("Demo case {} allocated to {}", caseRef, worker);
		}
	}

	/** Once: a case still in the team it came to is moved, as its manager would. */
	private void transfer(String manager, String caseRef, String from, String to, String reason) {
		if (cases.findCase(caseRef).map(c -> c.team().equals(from)).orElse(false)
				&& holdings.transfersOf(caseRef).isEmpty()) {
			as(manager, () -> allocations.transfer(caseRef, to, reason, manager));
			log.info("Demo case {} transferred to {}", caseRef, to);
		}
	}

	/** Runs a command as the manager, as our API would: their identity for the checks and the engine's log. */
	private void as(String manager, Runnable command) {
		List<String> groups = identityService.createGroupQuery().groupMember(manager).list().stream()
			.map(Group::getId)
			.toList();
		var authorities = groups.stream()
			.map(g -> new org.springframework.security.core.authority.SimpleGrantedAuthority("GROUP_" + g))
			.toList();
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(manager, null, authorities));
		List<String> engineGroups = new java.util.ArrayList<>(groups);
		engineGroups.addAll(List.of(Roles.READS, Roles.COMMANDS));
		identityService.setAuthentication(manager, engineGroups);
		try {
			command.run();
		}
		finally {
			identityService.clearAuthentication();
			SecurityContextHolder.clearContext();
		}
	}

	private void lookedAfter(String referralId, String caseRef, LocalDate since) {
		if (referrals.find(referralId).isPresent()) {
			return;
		}
		String referral = referrals.receive(new ReferralRequest(referralId,
				new ReferralRequest.Child(caseRef, "Georgie", "Demo", "2013-09-09", "F", null, null, null, null, NO_DISABILITY), since.atTime(9, 0).toString(), "7",
				"south"))
			.referral()
			.processInstanceId();
		complete(referral, "UserTask_DecideOnReferral", Map.of(REFERRAL_DECISION, "ASSESSMENT", REFERRAL_DECISION_DATE,
				since.toString(), DECISION_RATIONALE, "Demo: accommodated by the court the same day; assess"));
		lookedAfter.becomeLookedAfter(caseRef, since.toString(), since.toString(), "C1", null);
		log.info("Demo case {} created (looked after)", caseRef);
	}

	/** Referral and strategy discussion on {@code referred}, an enquiry, and a plan from the ICPC on {@code icpc}. */
	private void onAPlan(String referralId, String caseRef, LocalDate referred, LocalDate icpc) {
		if (referrals.find(referralId).isPresent()) {
			return;
		}
		String referral = referrals.receive(new ReferralRequest(referralId,
				new ReferralRequest.Child(caseRef, "Frankie", "Demo", "2014-02-14", "M", null, null, null, null, NO_DISABILITY), referred.atTime(9, 0).toString(),
				"6", "north"))
			.referral()
			.processInstanceId();
		complete(referral, "UserTask_DecideOnReferral", Map.of(REFERRAL_DECISION, "STRATEGY_DISCUSSION",
				REFERRAL_DECISION_DATE, referred.toString(), DECISION_RATIONALE, "Demo: unexplained injury"));
		String s47 = runtimeService.createProcessInstanceQuery()
			.processDefinitionKey("section47")
			.processInstanceBusinessKey(caseRef)
			.singleResult()
			.getId();
		complete(s47, "UserTask_HoldStrategyDiscussion", Map.of("strategyDiscussionAt", referred.atTime(14, 0).toString(),
				"s47Decision", "yes", "strategyDiscussionSummary", "Demo: police and health agree an enquiry"));
		complete(s47, "UserTask_SeeTheChild", Map.of("childSeenAt", referred.plusDays(1).atTime(10, 0).toString(),
				"seenAlone", "yes", "visitNotes", "Demo: seen alone at school"));
		complete(s47, "UserTask_CompleteSection47Enquiry", Map.of("s47CompletedDate", icpc.toString(), "s47Outcome",
				"ICPC", "enquirySummary", "Demo: significant harm substantiated"));
		complete(s47, "UserTask_HoldInitialConference",
				Map.of("icpcDate", icpc.toString(), "planRequired", "yes", "categoryOfAbuse", "NEGLECT"));
		log.info("Demo case {} created (on a child protection plan)", caseRef);
	}

	private void complete(String processInstanceId, String taskKey, Map<String, Object> variables) {
		Task task = taskService.createTaskQuery()
			.processInstanceId(processInstanceId)
			.taskDefinitionKey(taskKey)
			.singleResult();
		taskService.complete(task.getId(), variables);
	}

	private LocalDate workingDaysAgo(LocalDate today, int days) {
		return calendar.subtractWorkingDays(today, days);
	}

	/** The demo children's disabilities as the front door records them: none (the census's NONE). */
	private static final List<String> NO_DISABILITY = List.of("NONE");

	/** The demo children's sex as the front door records it (M, F or U: the CIN census's codes). */
	private static final Map<String, String> DEMO_SEX = Map.of("Alfie", "M", "Bella", "F", "Charlie", "M", "Daisy", "F",
			"Ellis", "U", "Harper", "F", "Indie", "F");

	private void referral(String referralId, String caseRef, String givenName, String familyName, String dateOfBirth,
			LocalDate received, String source, String team, String decision) {
		if (referrals.find(referralId).isPresent()) {
			return;
		}
		// today's referral arrived ten minutes ago; older ones at 10:00 London time on their day
		String receivedAt = received.equals(LocalDate.now(clock.withZone(London.ZONE)))
				? clock.instant().minusSeconds(600).toString() : received.atTime(10, 0).toString();
		var result = referrals.receive(new ReferralRequest(referralId,
				new ReferralRequest.Child(caseRef, givenName, familyName, dateOfBirth,
						DEMO_SEX.getOrDefault(givenName, "U"), null, null, null, null, NO_DISABILITY),
				receivedAt, source, team));
		if (decision != null) {
			complete(result.referral().processInstanceId(), "UserTask_DecideOnReferral", Map.of(REFERRAL_DECISION,
					decision, REFERRAL_DECISION_DATE, received.toString(), DECISION_RATIONALE,
					"Demo case: concerns need a full assessment."));
		}
		log.info("Demo case {} created ({})", caseRef, decision == null ? "awaiting decision" : "in assessment");
	}

	private void group(String id, String name) {
		if (identityService.createGroupQuery().groupId(id).count() == 0) {
			Group group = identityService.newGroup(id);
			group.setName(name);
			group.setType(TEAMS.contains(id) ? "TEAM" : "ROLE");
			identityService.saveGroup(group);
		}
	}

	private void user(List<String> row) {
		String id = row.get(0);
		if (identityService.createUserQuery().userId(id).count() > 0) {
			return;
		}
		User user = identityService.newUser(id);
		user.setFirstName(row.get(1));
		user.setLastName(row.get(2));
		user.setEmail(id + "@demo.timescales.test");
		user.setPassword(PASSWORD);
		identityService.saveUser(user);
		for (String group : row.get(3).split(",")) {
			identityService.createMembership(id, group);
		}
	}

}
