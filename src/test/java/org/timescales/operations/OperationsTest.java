package org.timescales.operations;

import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;

import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.timescales.ProcessTestSupport;
import org.timescales.TimescalesTest;
import org.timescales.notification.MailOutbox;
import org.timescales.system.SqlTimes;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Operable: the probes, the health details only admins see, the outbox health, and the gauges scraped
 * at /actuator/prometheus. The database is shared with every other test class, so the metrics are
 * asserted as changes caused by this test, read at the same engine time before and after.
 */
@TimescalesTest
class OperationsTest extends ProcessTestSupport {

	private static final String TEST_MAIL = "ops.outbox-check@timescales.test";

	@Autowired
	TestRestTemplate http;

	@Autowired
	MailOutbox outbox;

	@Autowired
	MeterRegistry registry;

	private final ObjectMapper json = new ObjectMapper();

	@AfterEach
	void leaveNoStaleMail() {
		// this test's 1990 mail must not be left unsent: it would make every later health check DEGRADED
		jdbc.sql("update mail_outbox set sent_at = created_at where recipient = ? and sent_at is null")
			.param(TEST_MAIL)
			.update();
	}

	@Test
	void probesAreUpForAnyoneAndOnlyAdminsSeeTheComponents() throws Exception {
		clockAt("1990-01-02T09:00:00Z"); // before any mail of any test: nothing in the outbox is stale
		for (String probe : List.of("/actuator/health/liveness", "/actuator/health/readiness", "/actuator/health")) {
			ResponseEntity<String> anonymous = http.getForEntity(probe, String.class);
			assertThat(anonymous.getStatusCode().value()).as(probe).isEqualTo(200);
			JsonNode body = json.readTree(anonymous.getBody());
			assertThat(body.get("status").asText()).as(probe).isEqualTo("UP");
			assertThat(body.has("components")).as(probe + " shows no components anonymously").isFalse();
			assertThat(body.has("details")).isFalse();
		}
		JsonNode worker = json.readTree(as("worker.north").getForEntity("/actuator/health", String.class).getBody());
		assertThat(worker.has("components")).as("a practitioner sees the status only").isFalse();

		JsonNode admin = json.readTree(as("admin.one").getForEntity("/actuator/health", String.class).getBody());
		assertThat(admin.get("components").has("db")).isTrue();
		assertThat(admin.get("components").get("outboxHealth").get("details").has("unsent")).isTrue();
		JsonNode readiness = json.readTree(as("admin.one").getForEntity("/actuator/health/readiness", String.class).getBody());
		assertThat(readiness.get("components").has("readinessState")).isTrue();
		assertThat(readiness.get("components").has("db")).isTrue();
		assertThat(readiness.get("components").has("outboxHealth")).as("a mail backlog keeps the node in service").isFalse();
	}

	@Test
	void prometheusIsForAdminsOnlyAndCarriesTheTimescalesMetrics() {
		assertThat(http.getForEntity("/actuator/prometheus", String.class).getStatusCode().value()).isEqualTo(401);
		assertThat(as("worker.north").getForEntity("/actuator/prometheus", String.class).getStatusCode().value())
			.isEqualTo(403);
		ResponseEntity<String> scrape = as("admin.one").getForEntity("/actuator/prometheus", String.class);
		assertThat(scrape.getStatusCode().value()).isEqualTo(200);
		assertThat(scrape.getBody()).contains("timescales_clocks_open ", "timescales_clocks_overdue{rule=\"referral-decision\"} ",
				"timescales_clocks_overdue{rule=\"assessment\"} ", "timescales_escalations_raised_total ",
				"timescales_outbox_unsent ", "timescales_outbox_oldest_unsent_seconds ", "timescales_jobs_due ",
				"timescales_jobs_failed ");
	}

	@Test
	void anOverdueReferralDecisionMovesTheGauges() {
		String late = "2026-12-01T12:00:00Z"; // a week after the referral: its decision (due 24 Nov) is overdue
		clockAt(late);
		Scrape before = scrape();

		String caseRef = newCaseRef("OPS");
		clockAt("2026-11-23T10:30:00Z");
		String pid = referral(caseRef, "2026-11-23T10:00:00").referral().processInstanceId();
		clockAt(late);
		Scrape overdue = scrape();
		// the referral opened its decision clock (the assessment clock opens with the decision), now overdue
		assertThat(overdue.value("timescales_clocks_open")).isEqualTo(before.value("timescales_clocks_open") + 1);
		assertThat(overdue.value("timescales_clocks_overdue{rule=\"referral-decision\"}"))
			.isEqualTo(before.value("timescales_clocks_overdue{rule=\"referral-decision\"}") + 1);
		assertThat(overdue.value("timescales_clocks_overdue{rule=\"assessment\"}"))
			.isEqualTo(before.value("timescales_clocks_overdue{rule=\"assessment\"}"));
		// its watcher's first timer (the reminder) is due and not yet run; the later tiers follow it
		List<Job> due = managementService.createJobQuery()
			.processInstanceId(watchOf(pid, "referral-decision"))
			.executable()
			.list();
		assertThat(due).hasSize(1);
		assertThat(overdue.value("timescales_jobs_due")).isEqualTo(before.value("timescales_jobs_due") + 1);

		executeDueJobsOf(pid);
		Scrape escalated = scrape();
		assertThat(escalated.value("timescales_jobs_due")).isEqualTo(before.value("timescales_jobs_due"));
		// escalated to the team manager, and (two working days on) to the service manager; each mails
		assertThat(escalated.value("timescales_escalations_raised_total"))
			.isEqualTo(overdue.value("timescales_escalations_raised_total") + 2);
		assertThat(escalated.value("timescales_outbox_unsent")).isGreaterThan(overdue.value("timescales_outbox_unsent"));
		assertThat(escalated.value("timescales_jobs_failed")).isEqualTo(before.value("timescales_jobs_failed"));
		assertThat(escalated.value("timescales_clocks_overdue{rule=\"referral-decision\"}"))
			.as("escalating does not stop the clock").isEqualTo(overdue.value("timescales_clocks_overdue{rule=\"referral-decision\"}"));
	}

	@Test
	void theOutboxGoesDownWhenItsOldestMailIsStaleAndUpWhenItIsSent() throws Exception {
		clockAt("1990-01-02T09:00:00Z"); // earlier than any other test's mail: ours is the oldest unsent
		long unsentBefore = (long) scrape().value("timescales_outbox_unsent");
		outbox.queue(TEST_MAIL, "Outbox health check", "body", null, "operations-test");

		clockAt("1990-01-02T09:30:00Z");
		JsonNode fresh = health("admin.one", "/actuator/health/mail", 200);
		assertThat(fresh.get("status").asText()).isEqualTo("UP");
		JsonNode details = fresh.get("components").get("outboxHealth").get("details");
		assertThat(details.get("unsent").asLong()).isEqualTo(unsentBefore + 1);
		assertThat(details.get("oldestUnsentQueuedAt").asText()).isEqualTo("1990-01-02T09:00:00Z");
		assertThat(details.get("oldestUnsentSeconds").asLong()).isEqualTo(1800);
		Scrape waiting = scrape();
		assertThat(waiting.value("timescales_outbox_unsent")).isEqualTo(unsentBefore + 1);
		assertThat(waiting.value("timescales_outbox_oldest_unsent_seconds")).isEqualTo(1800);

		clockAt("1990-01-02T10:00:01Z"); // an hour and a second: stale
		JsonNode stale = health("admin.one", "/actuator/health/mail", 200);
		assertThat(stale.get("status").asText()).isEqualTo("DEGRADED");
		assertThat(stale.get("components").get("outboxHealth").get("details").get("reason").asText()).contains("/admin/outbox");
		assertThat(health(null, "/actuator/health", 200).get("status").asText()).isEqualTo("DEGRADED");
		// ... but the node stays live and in service
		assertThat(health(null, "/actuator/health/readiness", 200).get("status").asText()).isEqualTo("UP");
		assertThat(health(null, "/actuator/health/liveness", 200).get("status").asText()).isEqualTo("UP");

		// delivered (as OutboxDelivery marks it): healthy again
		jdbc.sql("update mail_outbox set sent_at = ? where recipient = ? and sent_at is null")
			.params(SqlTimes.utc(Instant.parse("1990-01-02T10:00:01Z")), TEST_MAIL)
			.update();
		assertThat(health("admin.one", "/actuator/health/mail", 200).get("status").asText()).isEqualTo("UP");
		assertThat(health(null, "/actuator/health", 200).get("status").asText()).isEqualTo("UP");
		assertThat(scrape().value("timescales_outbox_unsent")).isEqualTo(unsentBefore);
	}

	@Test
	void engineGaugesCountEveryJobWhoeverIsAuthenticatedAndPutTheUserBack() {
		long allJobs = managementService.createJobQuery().executable().count();
		identityService.setAuthentication("worker.north", List.of("north", "practitioner"));
		try {
			assertThat(registry.get("timescales.jobs.due").gauge().value()).isEqualTo(allJobs);
			assertThat(identityService.getCurrentAuthentication().getUserId()).isEqualTo("worker.north");
		}
		finally {
			identityService.clearAuthentication();
		}
	}

	private TestRestTemplate as(String user) {
		return http.withBasicAuth(user, "secret-" + user);
	}

	private JsonNode health(String user, String path, int expectedStatus) throws Exception {
		ResponseEntity<String> response = (user == null ? http : as(user)).getForEntity(path, String.class);
		assertThat(response.getStatusCode().value()).as(path + ": " + response.getBody()).isEqualTo(expectedStatus);
		return json.readTree(response.getBody());
	}

	private Scrape scrape() {
		ResponseEntity<String> response = as("admin.one").getForEntity("/actuator/prometheus", String.class);
		assertThat(response.getStatusCode().value()).isEqualTo(200);
		return new Scrape(response.getBody());
	}

	/** One Prometheus text exposition. */
	record Scrape(String text) {

		double value(String series) {
			Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(text);
			if (!m.find()) {
				throw new AssertionError("no series " + series + " in the scrape");
			}
			return Double.parseDouble(m.group(1));
		}

	}

}
