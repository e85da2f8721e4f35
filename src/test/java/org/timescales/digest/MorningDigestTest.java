package org.timescales.digest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.TimeZone;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.quartz.CronTrigger;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.JobListener;
import org.quartz.Scheduler;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.impl.matchers.KeyMatcher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.scheduling.quartz.SpringBeanJobFactory;
import org.timescales.ProcessTestSupport;
import org.timescales.TimescalesTest;
import org.timescales.notification.OutboxScheduling;
import org.timescales.referral.ReferralRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The managers' morning digest: what it lists and for whom, the days it stays silent, once a day
 * however many nodes run it, and repeats of a breach held back for it.
 *
 * <p>Each test keeps to its own days in 2025 (the week-end test: Christmas 2026), which no other test
 * class touches, so what a digest lists is this test's alone. Jobs are run per process instance, never
 * all due jobs, so other classes' timers do not fire into these days.
 */
@TimescalesTest
class MorningDigestTest extends ProcessTestSupport {

	private static final String TM_NORTH = "tm.north@timescales.test";

	private static final String TM_SOUTH = "tm.south@timescales.test";

	private static final String SM_EAST = "sm.east@timescales.test";

	@Autowired
	MorningDigest digest;

	@Autowired
	Scheduler scheduler;

	@Autowired
	ApplicationContext context;

	@Autowired
	org.springframework.boot.autoconfigure.jdbc.DataSourceProperties database;

	@Value("${spring.quartz.properties.org.quartz.jobStore.driverDelegateClass:org.quartz.impl.jdbcjobstore.StdJDBCDelegate}")
	String driverDelegate;

	record Digest(String recipient, String subject, String text, String html) {
	}

	@Test
	void eachManagerGetsOneDigestOfTheirTeamsBreachesAndWhatIsDueToday() {
		// Tuesday 11 March 2025, 10:00: a referral received on Friday 7th, decision due by the end of Monday
		// 10th, is entered late and escalates at once; another received at 09:00 is due by the end of Wednesday
		String late = newCaseRef("DIG-LATE");
		String dueToday = newCaseRef("DIG-DUE");
		clockAt("2025-03-11T10:00:00Z");
		String latePid = referral(late, "2025-03-07T09:00:00").referral().processInstanceId();
		runDueJobsOf(latePid);
		referral(dueToday, "2025-03-11T09:00:00");
		assertThat(outboxSubjects(TM_NORTH, late)).containsExactly("Overdue: Decide on referral for case " + late);

		// Wednesday 12 March 2025, 08:00 (GMT)
		clockAt("2025-03-12T08:00:00Z");
		assertThat(digest.sendDigest(LocalDate.of(2025, 3, 12))).isEqualTo(2);

		String subject = "Timescales morning digest: 1 new breaches, 1 due today";
		for (String manager : List.of(TM_NORTH, SM_EAST)) {
			assertThat(digests(manager, "2025-03-12")).as(manager).singleElement().satisfies(mail -> {
				assertThat(mail.subject()).isEqualTo(subject);
				assertThat(section(mail.text(), "New breaches:")).contains("- " + late
						+ ": Decide on referral, tier 1 (team manager), due Monday 10 March 2025, 2 working days late: "
						+ "http://timescales.test/cases/" + late);
				assertThat(section(mail.text(), "Due today:"))
					.isEqualTo("- " + dueToday + ": Decision on referral: http://timescales.test/cases/" + dueToday);
				assertThat(mail.text()).startsWith("Timescales for Wednesday 12 March 2025")
					.contains("North Assessment Team")
					.doesNotContain("South Assessment Team")
					.doesNotContain("Repeated breaches");
				assertThat(mail.html()).contains("<title>" + subject + "</title>")
					.contains("<a href=\"http://timescales.test/cases/" + late + "\">" + late + "</a>")
					.contains("<a href=\"http://timescales.test/cases/" + dueToday + "\">" + dueToday + "</a>");
				// the case reference, never the child's name
				assertThat(mail.text() + mail.html()).doesNotContain("Test Child").doesNotContain("2016-05-01");
			});
		}
		// nothing for the South team: no mail at all
		assertThat(digests(TM_SOUTH, "2025-03-12")).isEmpty();
	}

	@Test
	void onADayOfManyBreachesTheDigestListsTheFirstAndCountsTheRest() {
		// 40 referrals received on Friday 13 June 2025, their decisions due by the end of Monday 16th, entered
		// on Tuesday: 40 breaches at once. (300 in the two-node test once made the digest too long to queue.)
		clockAt("2025-06-17T10:00:00Z");
		String prefix = newCaseRef("DIG-MANY");
		long outboxBefore = jdbc.sql("select coalesce(max(id), 0) from mail_outbox").query(Long.class).single();
		List<String> instances = new java.util.ArrayList<>();
		try {
			for (int i = 1; i <= 40; i++) {
				instances.add(referral(prefix + "-" + i, prefix + "-REF-" + i, "2025-06-13T09:00:00"));
				runDueJobsOf(instances.get(instances.size() - 1));
			}
			manyBreachesDigest(prefix);
		}
		finally {
			// the database is shared: 40 cases' later timers and 120 unsent mails must not reach other tests
			runtimeService.createProcessInstanceQuery()
				.processInstanceBusinessKeyLike(prefix + "-%")
				.list()
				.forEach(instance -> runtimeService.deleteProcessInstance(instance.getId(), "test over", true, true));
			jdbc.sql("delete from mail_outbox where id > ?").param(outboxBefore).update();
			jdbc.sql("update clock set stopped_at = due_at, outcome = 'CANCELLED' where case_ref like ? and stopped_at is null")
				.param(prefix + "-%")
				.update();
		}
	}

	private void manyBreachesDigest(String prefix) {

		clockAt("2025-06-18T07:00:00Z"); // 08:00 BST
		assertThat(digest.sendDigest(LocalDate.of(2025, 6, 18))).isEqualTo(2);
		for (String manager : List.of(TM_NORTH, SM_EAST)) {
			assertThat(digests(manager, "2025-06-18")).as(manager).singleElement().satisfies(mail -> {
				// (what is due that day depends on other tests' cases in the shared database)
				assertThat(mail.subject()).startsWith("Timescales morning digest: 40 new breaches, ");
				String listed = section(mail.text(), "New breaches:");
				// one team: 15 rows (45 a mail, over its three lists), then the count of the rest
				assertThat(listed.lines().filter(line -> line.startsWith("- " + prefix))).hasSize(15);
				assertThat(listed).endsWith("- and 25 more: http://timescales.test/oversight");
				assertThat(mail.html()).contains("and <span>25</span> more:")
					.contains("<a href=\"http://timescales.test/oversight\">");
			});
		}
	}

	@Test
	void noDigestOnABankHolidayOrAWeekend() {
		// something to report: a breach raised on Sunday 27 December 2026
		String caseRef = newCaseRef("DIG-HOL");
		clockAt("2026-12-27T10:00:00Z");
		runDueJobsOf(referral(caseRef, "2026-12-21T09:00:00").referral().processInstanceId());
		assertThat(outboxSubjects(TM_NORTH, caseRef)).containsExactly("Overdue: Decide on referral for case " + caseRef);

		// Monday 28 December 2026 is the Boxing Day substitute; Saturday 30 January 2027 a weekend
		clockAt("2026-12-28T08:00:00Z");
		assertThat(digest.sendDigest(LocalDate.of(2026, 12, 28))).isZero();
		clockAt("2027-01-30T08:00:00Z");
		assertThat(digest.sendDigest(LocalDate.of(2027, 1, 30))).isZero();

		assertThat(digestRuns("2026-12-28")).isZero();
		assertThat(digestRuns("2027-01-30")).isZero();
		assertThat(digestsOfDay("2026-12-28")).isZero();
		assertThat(digestsOfDay("2027-01-30")).isZero();
	}

	@Test
	void theCronTriggerFiresWeekdaysAt8LondonTimeAndTheJobSkipsBankHolidays() throws Exception {
		JobDetail job = scheduler.getJobDetail(DigestScheduling.JOB_KEY);
		assertThat(job.getJobClass()).isEqualTo(MorningDigestJob.class);
		assertThat(job.isDurable()).isTrue();
		assertThat(job.requestsRecovery()).isTrue();
		assertThat(job.isConcurrentExecutionDisallowed()).isTrue();
		CronTrigger trigger = (CronTrigger) scheduler.getTrigger(DigestScheduling.TRIGGER_KEY);
		assertThat(trigger.getJobKey()).isEqualTo(DigestScheduling.JOB_KEY);
		assertThat(trigger.getCronExpression()).isEqualTo("0 0 8 ? * MON-FRI");
		assertThat(trigger.getTimeZone()).isEqualTo(TimeZone.getTimeZone("Europe/London"));

		// Quartz knows weekdays, not bank holidays: after 06:00 UTC on Friday 25 December 2026 it fires at
		// 08:00 that Christmas Day, then at 08:00 on Monday 28 December, the Boxing Day substitute
		Date christmas = trigger.getFireTimeAfter(Date.from(Instant.parse("2026-12-25T06:00:00Z")));
		assertThat(christmas).isEqualTo(Date.from(Instant.parse("2026-12-25T08:00:00Z")));
		Date boxingDay = trigger.getFireTimeAfter(christmas);
		assertThat(boxingDay).isEqualTo(Date.from(Instant.parse("2026-12-28T08:00:00Z")));
		// 08:00 London is 07:00 UTC in summer time (from Sunday 28 March 2027)
		assertThat(trigger.getFireTimeAfter(Date.from(Instant.parse("2027-03-26T09:00:00Z"))))
			.isEqualTo(Date.from(Instant.parse("2027-03-29T07:00:00Z")));

		// and the job, run at those times, does nothing
		MorningDigestJob digestJob = (MorningDigestJob) context.getAutowireCapableBeanFactory()
			.createBean(MorningDigestJob.class, AutowireCapableBeanFactory.AUTOWIRE_CONSTRUCTOR, false);
		for (Date fireTime : List.of(christmas, boxingDay)) {
			clockAt(fireTime.toInstant());
			digestJob.executeInternal(null);
		}
		assertThat(digestRuns("2026-12-25")).isZero();
		assertThat(digestRuns("2026-12-28")).isZero();
		assertThat(digestsOfDay("2026-12-25")).isZero();
		assertThat(digestsOfDay("2026-12-28")).isZero();
	}

	@Test
	void aDaysDigestIsSentOnce() {
		// due by the end of Wednesday 2 April 2025
		clockAt("2025-04-01T10:00:00Z");
		referral(newCaseRef("DIG-ONCE"), "2025-04-01T09:00:00");

		// 08:00 BST
		clockAt("2025-04-02T07:00:00Z");
		LocalDate day = LocalDate.of(2025, 4, 2);
		int queued = digest.sendDigest(day);
		assertThat(queued).isEqualTo(2);
		assertThat(digest.sendDigest(day)).isZero();

		assertThat(digestsOfDay("2025-04-02")).isEqualTo(queued);
		assertThat(digests(TM_NORTH, "2025-04-02")).hasSize(1);
		assertThat(digests(SM_EAST, "2025-04-02")).hasSize(1);
		assertThat(digestRuns("2025-04-02")).isEqualTo(1);
	}

	@Test
	void severalNodesSendingAtOnceSendTheDigestOnce() throws Exception {
		// due by the end of Tuesday 8 July 2025
		clockAt("2025-07-07T10:00:00Z");
		referral(newCaseRef("DIG-RACE"), "2025-07-07T09:00:00");
		clockAt("2025-07-08T07:00:00Z");

		// four callers released together: whichever inserts the day's row first sends, the others roll back
		LocalDate day = LocalDate.of(2025, 7, 8);
		ExecutorService nodes = Executors.newFixedThreadPool(4);
		try {
			CountDownLatch go = new CountDownLatch(1);
			List<Future<Integer>> sent = new ArrayList<>();
			for (int node = 0; node < 4; node++) {
				sent.add(nodes.submit(() -> {
					go.await();
					return digest.sendDigest(day);
				}));
			}
			go.countDown();
			int queued = 0;
			for (Future<Integer> mails : sent) {
				queued += mails.get(60, TimeUnit.SECONDS);
			}
			assertThat(queued).isEqualTo(2);
		}
		finally {
			nodes.shutdownNow();
		}
		assertThat(digestRuns("2025-07-08")).isEqualTo(1);
		assertThat(digests(TM_NORTH, "2025-07-08")).hasSize(1);
		assertThat(digests(SM_EAST, "2025-07-08")).hasSize(1);
		assertThat(digestsOfDay("2025-07-08")).isEqualTo(2);
	}

	@Test
	void twoSchedulerNodesFiringTheJobSendTheDigestOnce() throws Exception {
		// due by the end of Thursday 15 May 2025; the job runs at 08:00 BST that day
		clockAt("2025-05-14T10:00:00Z");
		referral(newCaseRef("DIG-NODES"), "2025-05-14T09:00:00");
		clockAt("2025-05-15T07:00:00Z");

		assertThat(scheduler.getSchedulerName()).isEqualTo("timescales");
		CountDownLatch runs = new CountDownLatch(2);
		List<Throwable> failures = new CopyOnWriteArrayList<>();
		JobListener listener = new JobListener() {

			@Override
			public String getName() {
				return "morning-digest-test";
			}

			@Override
			public void jobToBeExecuted(JobExecutionContext context) {
			}

			@Override
			public void jobExecutionVetoed(JobExecutionContext context) {
			}

			@Override
			public void jobWasExecuted(JobExecutionContext context, JobExecutionException failure) {
				if (failure != null) {
					failures.add(failure);
				}
				runs.countDown();
			}

		};
		Scheduler secondNode = secondNode();
		boolean springSchedulerRunning = scheduler.isStarted() && !scheduler.isInStandbyMode();
		// only the job under test fires while both nodes run
		scheduler.pauseTrigger(OutboxScheduling.TRIGGER_KEY);
		scheduler.pauseTrigger(DigestScheduling.TRIGGER_KEY);
		try {
			scheduler.getListenerManager().addJobListener(listener, KeyMatcher.keyEquals(DigestScheduling.JOB_KEY));
			secondNode.getListenerManager().addJobListener(listener, KeyMatcher.keyEquals(DigestScheduling.JOB_KEY));
			scheduler.start();
			secondNode.start();

			scheduler.triggerJob(DigestScheduling.JOB_KEY);
			secondNode.triggerJob(DigestScheduling.JOB_KEY);

			assertThat(runs.await(60, TimeUnit.SECONDS)).as("both nodes' triggers fired").isTrue();
		}
		finally {
			secondNode.shutdown(true);
			if (!springSchedulerRunning) {
				scheduler.standby();
			}
			scheduler.getListenerManager().removeJobListener(listener.getName());
			scheduler.resumeTrigger(OutboxScheduling.TRIGGER_KEY);
			scheduler.resumeTrigger(DigestScheduling.TRIGGER_KEY);
		}

		assertThat(failures).isEmpty();
		assertThat(digestRuns("2025-05-15")).isEqualTo(1);
		assertThat(digests(TM_NORTH, "2025-05-15")).hasSize(1);
		assertThat(digests(SM_EAST, "2025-05-15")).hasSize(1);
		assertThat(digestsOfDay("2025-05-15")).isEqualTo(2);
	}

	@Test
	void aRepeatedBreachOfTheSameRuleForTheSameCaseIsNotMailedAgainButShowsInTheDigest() {
		String caseRef = newCaseRef("DIG-REP");

		// Wednesday 4 June 2025: the first referral's decision (due by the end of Tuesday 3rd) escalates, mailed
		clockAt("2025-06-04T10:00:00Z");
		runDueJobsOf(referral(caseRef, "REF-" + caseRef + "-1", "2025-06-02T09:00:00"));
		assertThat(outboxSubjects(TM_NORTH, caseRef)).containsExactly("Overdue: Decide on referral for case " + caseRef);

		// Monday 9 June: a second referral of the same child, its decision late too: the same manager, case
		// and rule within 10 working days, so no second mail; the review task all the same
		clockAt("2025-06-09T10:00:00Z");
		runDueJobsOf(referral(caseRef, "REF-" + caseRef + "-2", "2025-06-05T09:00:00"));
		assertThat(outboxSubjects(TM_NORTH, caseRef)).containsExactly("Overdue: Decide on referral for case " + caseRef);
		assertThat(reviewTasks(caseRef, "tm.north")).hasSize(2)
			.allSatisfy(task -> assertThat(task.getName()).isEqualTo("Review overdue: Decide on referral for " + caseRef));
		assertThat(jdbc.sql("""
				select e.mailed from escalation e join clock c on c.id = e.clock_id
				where c.case_ref = ? order by e.raised_at""").param(caseRef).query(Boolean.class).list())
			.containsExactly(true, false);

		// Tuesday 10 June, 08:00 BST: the digest lists it as a repeat
		clockAt("2025-06-10T07:00:00Z");
		assertThat(digest.sendDigest(LocalDate.of(2025, 6, 10))).isPositive();
		assertThat(digests(TM_NORTH, "2025-06-10")).singleElement().satisfies(mail -> {
			assertThat(section(mail.text(), "Repeated breaches, not mailed separately:")).contains("- " + caseRef
					+ ": Decide on referral, tier 1 (team manager), due Friday 6 June 2025, 2 working days late");
			assertThat(section(mail.text(), "New breaches:")).doesNotContain(caseRef + ": Decide on referral, tier 1 (team manager), due Friday 6 June");
			assertThat(mail.html()).contains("Repeated breaches, not mailed separately");
		});

		// Thursday 19 June: 11 working days after the last mail, a third late decision is mailed again
		clockAt("2025-06-19T10:00:00Z");
		runDueJobsOf(referral(caseRef, "REF-" + caseRef + "-3", "2025-06-17T09:00:00"));
		assertThat(outboxSubjects(TM_NORTH, caseRef)).containsExactly("Overdue: Decide on referral for case " + caseRef,
				"Overdue: Decide on referral for case " + caseRef);
	}

	/** A referral for the north team with its own referral id (several for one child), received at a London time. */
	private String referral(String caseRef, String referralId, String receivedAt) {
		return referrals.receive(new ReferralRequest(referralId,
				new ReferralRequest.Child(caseRef, "Test", "Child", "2016-05-01", "F", null, null, null, null,
						List.of("NONE")),
				receivedAt, "2A", "north"))
			.referral()
			.processInstanceId();
	}

	/** Runs the due jobs of one case's process only: other classes' timers must not fire into these days. */
	private void runDueJobsOf(String processInstanceId) {
		executeDueJobsOf(processInstanceId);
	}

	/**
	 * A second node: another Quartz scheduler of the same cluster (same name, its own id) on the same
	 * database through its own connection pool, making its jobs with the application's beans.
	 */
	private Scheduler secondNode() throws Exception {
		Properties quartz = new Properties();
		quartz.setProperty("org.quartz.scheduler.instanceName", scheduler.getSchedulerName());
		quartz.setProperty("org.quartz.scheduler.instanceId", "second-node");
		quartz.setProperty("org.quartz.scheduler.idleWaitTime", "1000");
		quartz.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
		quartz.setProperty("org.quartz.threadPool.threadCount", "2");
		quartz.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
		// the same database as the application, whichever it is (H2 here, PostgreSQL in the postgres run)
		quartz.setProperty("org.quartz.jobStore.driverDelegateClass", driverDelegate);
		quartz.setProperty("org.quartz.jobStore.dataSource", "timescales");
		quartz.setProperty("org.quartz.jobStore.isClustered", "true");
		quartz.setProperty("org.quartz.jobStore.clusterCheckinInterval", "1000");
		quartz.setProperty("org.quartz.dataSource.timescales.provider", "hikaricp");
		quartz.setProperty("org.quartz.dataSource.timescales.driver", database.determineDriverClassName());
		quartz.setProperty("org.quartz.dataSource.timescales.URL", database.determineUrl());
		quartz.setProperty("org.quartz.dataSource.timescales.user", database.determineUsername());
		quartz.setProperty("org.quartz.dataSource.timescales.password",
				java.util.Objects.requireNonNullElse(database.determinePassword(), ""));
		quartz.setProperty("org.quartz.dataSource.timescales.maxConnections", "3");
		Scheduler node = new StdSchedulerFactory(quartz).getScheduler();
		SpringBeanJobFactory jobs = new SpringBeanJobFactory();
		jobs.setApplicationContext(context);
		node.setJobFactory(jobs);
		return node;
	}

	private List<Digest> digests(String recipient, String day) {
		return jdbc.sql("""
				select recipient, subject, body_text, body_html from mail_outbox
				where recipient = ? and reference like ? order by id""")
			.params(recipient, "digest:" + day + ":%")
			.query((rs, row) -> new Digest(rs.getString("recipient"), rs.getString("subject"), rs.getString("body_text"),
					rs.getString("body_html")))
			.list();
	}

	private long digestsOfDay(String day) {
		return jdbc.sql("select count(*) from mail_outbox where reference like ?")
			.param("digest:" + day + ":%")
			.query(Long.class)
			.single();
	}

	private long digestRuns(String day) {
		return jdbc.sql("select count(*) from morning_digest where digest_date = ?")
			.param(LocalDate.parse(day))
			.query(Long.class)
			.single();
	}

	/** The lines of a digest's text under a heading, up to the next blank line. */
	private static String section(String text, String heading) {
		int start = text.indexOf(heading + "\n");
		assertThat(start).as("heading %s in:%n%s", heading, text).isNotNegative();
		String rest = text.substring(start + heading.length() + 1);
		int end = rest.indexOf("\n\n");
		return (end < 0 ? rest : rest.substring(0, end)).strip();
	}

}
