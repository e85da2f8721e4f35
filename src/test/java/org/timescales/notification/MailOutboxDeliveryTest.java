package org.timescales.notification;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.BodyPart;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.quartz.JobDetail;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;
import org.springframework.beans.factory.annotation.Autowired;
import org.timescales.TimescalesTest;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.WebApplicationContext;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.timescales.system.SqlTimes;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * The outbox end to end: real context, real (in-memory) database, GreenMail as the SMTP server.
 *
 * <p>Each test runs the engine clock at its own day in 2001, far from any date other test classes use,
 * so only this test's mail is due when it calls {@code deliverDue()} and the counts are exact. Each
 * test leaves its mail sent, so nothing of ours is due later for another class.
 */
@TimescalesTest
class MailOutboxDeliveryTest {

	@RegisterExtension
	static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP);

	private static final Pattern MESSAGE_ID = Pattern.compile("<[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}@timescales>");

	@Autowired
	MailOutbox outbox;

	@Autowired
	OutboxDelivery delivery;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Autowired
	Scheduler scheduler;

	@Autowired
	WebApplicationContext context;

	@Autowired
	SpringTemplateEngine templateEngine;

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
		// a failed test must not leave its 2001 mail due for the next test (whose counts are exact)
		jdbc.sql("delete from mail_outbox where sent_at is null and created_at < ?")
				.param(SqlTimes.utc(Instant.parse("2002-01-01T00:00:00Z")))
				.update();
	}

	@Test
	void queuedMailIsDeliveredOnceWithTextAndHtml() throws Exception {
		Instant t = at("2001-03-05T09:00:00Z");
		long unsentBefore = outbox.unsentCount();
		long id = inTransaction(() -> outbox.queue("tm.delivered-once@timescales.test", "Review overdue: Assessment for C-1001",
				"Plain text body", "<p>HTML body</p>", "escalation:1001"));

		OutboxMail queued = outbox.find(id).orElseThrow();
		assertThat(queued.recipient()).isEqualTo("tm.delivered-once@timescales.test");
		assertThat(queued.subject()).isEqualTo("Review overdue: Assessment for C-1001");
		assertThat(queued.bodyText()).isEqualTo("Plain text body");
		assertThat(queued.bodyHtml()).isEqualTo("<p>HTML body</p>");
		assertThat(queued.reference()).isEqualTo("escalation:1001");
		assertThat(queued.createdAt()).isEqualTo(t);
		assertThat(queued.nextAttemptAt()).isEqualTo(t);
		assertThat(queued.attempts()).isZero();
		assertThat(queued.sentAt()).isNull();
		assertThat(queued.lastError()).isNull();
		assertThat(queued.messageId()).matches(MESSAGE_ID);
		assertThat(outbox.unsentCount()).isEqualTo(unsentBefore + 1);

		assertThat(delivery.deliverDue()).isEqualTo(1);

		MimeMessage[] received = greenMail.getReceivedMessages();
		assertThat(received).hasSize(1);
		MimeMessage message = received[0];
		assertThat(message.getRecipients(RecipientType.TO)).extracting(Object::toString)
				.containsExactly("tm.delivered-once@timescales.test");
		assertThat(message.getFrom()).extracting(Object::toString).containsExactly("timescales@localhost");
		assertThat(message.getSubject()).isEqualTo("Review overdue: Assessment for C-1001");
		assertThat(message.getMessageID()).isEqualTo(queued.messageId());
		Map<String, String> parts = textParts(message);
		assertThat(parts.keySet()).containsExactly("text/plain", "text/html");
		assertThat(parts.get("text/plain")).isEqualTo("Plain text body");
		assertThat(parts.get("text/html")).isEqualTo("<p>HTML body</p>");

		OutboxMail sent = outbox.find(id).orElseThrow();
		assertThat(sent.sentAt()).isEqualTo(t);
		assertThat(sent.attempts()).isEqualTo(1);
		assertThat(sent.lastError()).isNull();
		assertThat(outbox.unsentCount()).isEqualTo(unsentBefore);

		// already sent: a second run sends nothing, even once the backoff time has passed
		assertThat(delivery.deliverDue()).isZero();
		at("2001-03-05T10:00:00Z");
		assertThat(delivery.deliverDue()).isZero();
		assertThat(greenMail.getReceivedMessages()).hasSize(1);
		assertThat(outbox.find(id).orElseThrow().attempts()).isEqualTo(1);
	}

	@Test
	void mailQueuedInARolledBackTransactionIsNeverSent() {
		at("2001-03-06T09:00:00Z");
		long unsentBefore = outbox.unsentCount();
		long[] id = new long[1];
		new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
			id[0] = outbox.queue("tm.rolled-back@timescales.test", "Rolled back escalation", "Never", null, "escalation:1002");
			// visible inside the caller's transaction: queue joined it
			assertThat(outbox.find(id[0])).isPresent();
			status.setRollbackOnly();
		});

		assertThat(outbox.find(id[0])).isEmpty();
		assertThat(jdbc.sql("select count(*) from mail_outbox where recipient = ?")
				.param("tm.rolled-back@timescales.test").query(Long.class).single()).isZero();
		assertThat(outbox.unsentCount()).isEqualTo(unsentBefore);
		assertThat(delivery.deliverDue()).isZero();
		assertThat(greenMail.getReceivedMessages()).isEmpty();
	}

	@Test
	void mailServerDownDelaysMailWithBackoffThenDeliversItOnce() throws Exception {
		Instant t = at("2001-03-07T09:00:00Z");
		greenMail.stop();
		long id = inTransaction(() -> outbox.queue("tm.server-down@timescales.test", "Server down", "Retry me", null,
				"escalation:1003"));
		String messageId = outbox.find(id).orElseThrow().messageId();

		assertThat(delivery.deliverDue()).isZero();
		OutboxMail failed = outbox.find(id).orElseThrow();
		assertThat(failed.attempts()).isEqualTo(1);
		assertThat(failed.sentAt()).isNull();
		assertThat(failed.nextAttemptAt()).isEqualTo(t.plus(Duration.ofMinutes(1)));
		assertThat(failed.lastError()).isEqualTo("MailSendException: java.net.ConnectException: Connection refused");

		// not due again until the backoff has passed
		assertThat(delivery.deliverDue()).isZero();
		at("2001-03-07T09:00:59Z");
		assertThat(delivery.deliverDue()).isZero();
		assertThat(outbox.find(id).orElseThrow().attempts()).isEqualTo(1);

		// second failure doubles the backoff: 2 minutes
		Instant second = at("2001-03-07T09:01:00Z");
		assertThat(delivery.deliverDue()).isZero();
		OutboxMail failedTwice = outbox.find(id).orElseThrow();
		assertThat(failedTwice.attempts()).isEqualTo(2);
		assertThat(failedTwice.nextAttemptAt()).isEqualTo(second.plus(Duration.ofMinutes(2)));
		assertThat(failedTwice.sentAt()).isNull();

		at("2001-03-07T09:02:59Z");
		greenMail.start();
		assertThat(delivery.deliverDue()).isZero();
		assertThat(greenMail.getReceivedMessages()).isEmpty();

		Instant third = at("2001-03-07T09:03:00Z");
		assertThat(delivery.deliverDue()).isEqualTo(1);
		MimeMessage[] received = greenMail.getReceivedMessages();
		assertThat(received).hasSize(1);
		assertThat(received[0].getRecipients(RecipientType.TO)).extracting(Object::toString)
				.containsExactly("tm.server-down@timescales.test");
		assertThat(received[0].getSubject()).isEqualTo("Server down");
		assertThat(received[0].getMessageID()).isEqualTo(messageId);
		assertThat(received[0].getContent().toString().strip()).isEqualTo("Retry me");

		OutboxMail sent = outbox.find(id).orElseThrow();
		assertThat(sent.sentAt()).isEqualTo(third);
		assertThat(sent.attempts()).isEqualTo(3);
		// the last error stays as the record of why the mail was late
		assertThat(sent.lastError()).isEqualTo("MailSendException: java.net.ConnectException: Connection refused");

		assertThat(delivery.deliverDue()).isZero();
		assertThat(greenMail.getReceivedMessages()).hasSize(1);
	}

	@Test
	void backoffDoublesFromOneMinuteUpToAnHour() {
		assertThat(IntStream.of(1, 2, 3, 4, 5, 6, 7, 8, 1000).mapToObj(OutboxDelivery::backoff)).containsExactly(
				Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(4), Duration.ofMinutes(8),
				Duration.ofMinutes(16), Duration.ofMinutes(32), Duration.ofHours(1), Duration.ofHours(1),
				Duration.ofHours(1));
	}

	@Test
	void mailNotYetDueIsNotSent() throws Exception {
		Instant due = at("2001-03-08T10:00:00Z");
		long id = inTransaction(() -> outbox.queue("tm.not-yet-due@timescales.test", "Not yet due", "Later", null, null));
		at("2001-03-08T09:59:59Z");

		assertThat(delivery.deliverDue()).isZero();
		OutboxMail waiting = outbox.find(id).orElseThrow();
		assertThat(waiting.attempts()).isZero();
		assertThat(waiting.nextAttemptAt()).isEqualTo(due);
		assertThat(waiting.sentAt()).isNull();
		assertThat(waiting.lastError()).isNull();
		assertThat(greenMail.getReceivedMessages()).isEmpty();

		// once due it goes (and leaves nothing of ours due for other test classes)
		at("2001-03-08T10:00:00Z");
		assertThat(delivery.deliverDue()).isEqualTo(1);
		assertThat(greenMail.getReceivedMessages()).hasSize(1);
		assertThat(greenMail.getReceivedMessages()[0].getSubject()).isEqualTo("Not yet due");
		assertThat(outbox.find(id).orElseThrow().sentAt()).isEqualTo(due);
	}

	@Test
	void withoutAMailServerNothingIsAttemptedAndMailStaysQueued() throws Exception {
		Instant t = at("2001-03-09T09:00:00Z");
		OutboxDelivery noServer = new OutboxDelivery(jdbc, transactionManager,
				new StaticListableBeanFactory().getBeanProvider(JavaMailSender.class), clock, "timescales@localhost");
		long id = inTransaction(() -> outbox.queue("tm.no-server@timescales.test", "No server", "Wait", null, null));

		assertThat(noServer.mailServerConfigured()).isFalse();
		assertThat(noServer.deliverDue()).isZero();
		OutboxMail waiting = outbox.find(id).orElseThrow();
		assertThat(waiting.attempts()).isZero();
		assertThat(waiting.nextAttemptAt()).isEqualTo(t);
		assertThat(waiting.lastError()).isNull();

		// the admin page says why mail is waiting (the app's templates, this controller without a sender)
		ThymeleafViewResolver views = new ThymeleafViewResolver();
		views.setTemplateEngine(templateEngine);
		views.setCharacterEncoding("UTF-8");
		MockMvc mvc = MockMvcBuilders.standaloneSetup(new OutboxController(outbox, noServer))
				.setViewResolvers(views).build();
		String page = mvc.perform(get("/admin/outbox")).andExpect(status().isOk())
				.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("No mail server configured: mail is kept here until spring.mail.host is set");

		// with the configured sender it goes
		assertThat(delivery.deliverDue()).isEqualTo(1);
		assertThat(greenMail.getReceivedMessages()).hasSize(1);
		assertThat(outbox.find(id).orElseThrow().sentAt()).isEqualTo(t);
	}

	@Test
	void quartzJobAndTriggerAreRegistered() throws SchedulerException {
		assertThat(scheduler.checkExists(OutboxScheduling.JOB_KEY)).isTrue();
		JobDetail job = scheduler.getJobDetail(OutboxScheduling.JOB_KEY);
		assertThat(job.getJobClass()).isEqualTo(OutboxDeliveryJob.class);
		assertThat(job.isDurable()).isTrue();
		assertThat(job.requestsRecovery()).isTrue();
		assertThat(job.isConcurrentExecutionDisallowed()).isTrue();

		Trigger trigger = scheduler.getTrigger(OutboxScheduling.TRIGGER_KEY);
		assertThat(trigger).isInstanceOf(SimpleTrigger.class);
		assertThat(trigger.getJobKey()).isEqualTo(OutboxScheduling.JOB_KEY);
		assertThat(((SimpleTrigger) trigger).getRepeatInterval()).isEqualTo(30_000L);
		assertThat(((SimpleTrigger) trigger).getRepeatCount()).isEqualTo(SimpleTrigger.REPEAT_INDEFINITELY);
		assertThat(trigger.getMisfireInstruction())
				.isEqualTo(SimpleTrigger.MISFIRE_INSTRUCTION_RESCHEDULE_NOW_WITH_EXISTING_REPEAT_COUNT);
	}

	@Test
	void quartzJobDeliversDueMail() throws Exception {
		Instant t = at("2001-03-12T09:00:00Z");
		long id = inTransaction(() -> outbox.queue("tm.quartz-job@timescales.test", "Sent by the job", "From Quartz", null, null));

		// created the way Spring's Quartz job factory creates each run's instance
		OutboxDeliveryJob job = (OutboxDeliveryJob) context.getAutowireCapableBeanFactory()
				.createBean(OutboxDeliveryJob.class, AutowireCapableBeanFactory.AUTOWIRE_CONSTRUCTOR, false);
		job.executeInternal(null);

		MimeMessage[] received = greenMail.getReceivedMessages();
		assertThat(received).hasSize(1);
		assertThat(received[0].getRecipients(RecipientType.TO)).extracting(Object::toString)
				.containsExactly("tm.quartz-job@timescales.test");
		assertThat(received[0].getSubject()).isEqualTo("Sent by the job");
		assertThat(outbox.find(id).orElseThrow().sentAt()).isEqualTo(t);
	}

	@Test
	void adminPageShowsUnsentBadgeWithoutTheBody() throws Exception {
		at("2001-03-13T09:00:00Z");
		long id = inTransaction(() -> outbox.queue("tm.admin-page@timescales.test", "Review overdue: ICPC & plan",
				"Secret body text about the child", "<p>Secret html body</p>", "escalation:1004"));
		// no servlet filters: /admin/** security is the lead's configuration; this tests the page itself
		MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).build();

		String page = mvc.perform(get("/admin/outbox"))
				.andExpect(status().isOk())
				.andExpect(view().name("admin/outbox"))
				.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		String row = row(page, id);
		assertThat(row).contains("<td class=\"num\">" + id + "</td>");
		assertThat(row).contains("<td>2001-03-13 09:00:00</td>");
		assertThat(row).contains("<td>tm.admin-page@timescales.test</td>");
		assertThat(row).contains("<span>Review overdue: ICPC &amp; plan</span>");
		assertThat(row).contains("About: escalation:1004");
		assertThat(row).contains("<td class=\"num\">0</td>");
		assertThat(row).contains("<span class=\"badge unsent\">UNSENT</span>");
		assertThat(row).contains("Next attempt 2001-03-13 09:00:00");
		assertThat(row).doesNotContain("badge sent");
		assertThat(page).contains("<h1>Mail outbox</h1>");
		assertThat(page).contains("<strong id=\"unsent-count\">" + outbox.unsentCount() + "</strong>");
		assertThat(page).doesNotContain("No mail server configured");
		assertThat(page).doesNotContain("Secret body text").doesNotContain("Secret html body");

		// delivered: the same row now says Sent, with the time
		at("2001-03-13T09:05:00Z");
		assertThat(delivery.deliverDue()).isEqualTo(1);
		String after = row(mvc.perform(get("/admin/outbox")).andExpect(status().isOk())
				.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8), id);
		assertThat(after).contains("<span class=\"badge sent\">Sent</span>");
		assertThat(after).contains("<td>2001-03-13 09:05:00</td>");
		assertThat(after).contains("<td class=\"num\">1</td>");
		assertThat(after).doesNotContain("UNSENT");
	}

	/** Sets the engine clock (which the app's Clock reads) and returns the instant. */
	private static Instant at(String instant) {
		Instant t = Instant.parse(instant);
		ClockUtil.setCurrentTime(Date.from(t));
		return t;
	}

	private long inTransaction(Supplier<Long> work) {
		return new TransactionTemplate(transactionManager).execute(status -> work.get());
	}

	private static String row(String page, long id) {
		Matcher m = Pattern.compile("<tr id=\"mail-" + id + "\">(.*?)</tr>", Pattern.DOTALL).matcher(page);
		assertThat(m.find()).as("row for mail %d", id).isTrue();
		return m.group(1);
	}

	/** The text parts of a (possibly nested) multipart message, by content type. */
	private static Map<String, String> textParts(Part part) throws MessagingException, IOException {
		Map<String, String> parts = new LinkedHashMap<>();
		collect(part, parts);
		return parts;
	}

	private static void collect(Part part, Map<String, String> parts) throws MessagingException, IOException {
		if (part.isMimeType("multipart/*")) {
			Multipart multipart = (Multipart) part.getContent();
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart body = multipart.getBodyPart(i);
				collect(body, parts);
			}
		}
		else if (part.isMimeType("text/*")) {
			String type = part.getContentType().split(";")[0].strip().toLowerCase();
			parts.put(type, part.getContent().toString());
		}
	}

}
