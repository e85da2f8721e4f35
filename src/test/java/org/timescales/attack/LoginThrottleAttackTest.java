package org.timescales.attack;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.timescales.ProcessTestSupport;
import org.timescales.TimescalesTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.timescales.attack.RawHttp.basic;

/**
 * Guessing passwords. Each test is its own client (a loopback address of its own: the test profile
 * leaves 127.0.0.1, every other test class's address, unthrottled) and guesses at accounts of its own.
 * A client that has spent its budget of failed sign-ins is answered 429 with Retry-After at every door
 * where a password is checked, and its password is not checked, so the account's own failure count
 * stops where the client was stopped and a colleague can still sign in.
 */
@TimescalesTest
class LoginThrottleAttackTest extends ProcessTestSupport {

	@LocalServerPort
	int port;

	@Value("${timescales.security.login-failures-per-minute:10}")
	int limit;

	@BeforeEach
	void accounts() {
		for (String id : List.of("throttle.api", "throttle.rest", "throttle.page", "throttle.form", "throttle.webapp",
				"throttle.colleague")) {
			user(id, "practitioner", "north");
		}
	}

	@Test
	void oneClientGuessingIsStoppedAfterItsBudgetOfFailuresWithoutThePasswordBeingChecked() {
		RawHttp client = new RawHttp(port, "127.0.0.31");
		// basic credentials where nothing checks them (the webapps answer 401 before their own login) spend nothing
		for (int i = 0; i < 2 * limit; i++) {
			assertThat(client.get("/camunda/api/engine/engine/default/task/count", "Authorization",
					basic("throttle.api", "never-checked")).status()).isEqualTo(401);
		}
		// nor does signing in successfully
		for (int i = 0; i < 3 * limit; i++) {
			assertThat(client.get("/engine-rest/engine", "Authorization", basic("worker.north", "secret-worker.north"))
				.status()).isEqualTo(200);
		}
		List<Integer> statuses = new ArrayList<>();
		long start = System.nanoTime();
		for (int i = 0; i < limit + 40; i++) {
			statuses.add(client.get("/api/cases/NONE", "Authorization", basic("throttle.api", "guess-" + i)).status());
		}
		long millis = (System.nanoTime() - start) / 1_000_000;
		System.out.printf("LoginThrottleAttackTest: %d wrong passwords from one client in %d ms: %d answered 401, %d 429%n",
				statuses.size(), millis, statuses.stream().filter(s -> s == 401).count(),
				statuses.stream().filter(s -> s == 429).count());
		assertThat(statuses.subList(0, limit)).as("the first %d failures", limit).containsOnly(401);
		assertThat(statuses.subList(limit, statuses.size())).as("once the budget is spent").containsOnly(429);

		RawHttp.Answer refused = client.get("/api/cases/NONE", "Authorization", basic("throttle.api", "one-more"));
		assertThat(refused.status()).isEqualTo(429);
		assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 60L);
		assertThat(refused.header("Cache-Control")).contains("no-store");
		assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
		assertThat(refused.body()).contains("\"status\":429").contains("\"title\":\"Too Many Requests\"")
			.contains("try again in");
		// the password was not checked: the account's own count of failures stopped at the client's budget
		assertThat(failedAttempts("throttle.api")).isEqualTo(limit);
		// nor is a right one, while the client is over its limit
		assertThat(client.get("/engine-rest/engine", "Authorization", basic("worker.north", "secret-worker.north"))
			.status()).isEqualTo(429);
		// and saying it is someone else does not make it someone else (no forward-headers strategy configured)
		assertThat(client.get("/api/cases/NONE", "Authorization", basic("throttle.api", "x"), "X-Forwarded-For",
				"10.1.2.3").status()).isEqualTo(429);
		// a request without a password is not a sign-in: answered as ever
		assertThat(client.get("/api/cases/NONE").status()).isEqualTo(401);
	}

	@Test
	void everyDoorWhereAPasswordIsCheckedIsThrottled() {
		door("HTTP basic on /engine-rest", "127.0.0.32",
				c -> c.get("/engine-rest/task", "Authorization", basic("throttle.rest", "guess")), 401);
		door("HTTP basic on a page", "127.0.0.33",
				c -> c.get("/oversight", "Authorization", basic("throttle.page", "guess"), "Accept", "text/html"), 401);
		door("the form login of our pages", "127.0.0.34", c -> c.formLogin("throttle.form", "guess"), 302);
		door("the Camunda webapps' login", "127.0.0.35", c -> c.webappLogin("tasklist", "throttle.webapp", "guess"),
				401);
	}

	@Test
	void anotherClientsGuessesDoNotLockAColleagueOut() {
		RawHttp attacker = new RawHttp(port, "127.0.0.36");
		for (int i = 0; i < limit + 20; i++) {
			attacker.get("/api/cases/NONE", "Authorization", basic("throttle.colleague", "guess-" + i));
			attacker.webappLogin("tasklist", "throttle.colleague", "guess-" + i);
		}
		assertThat(attacker.get("/api/cases/NONE", "Authorization", basic("throttle.colleague", "guess")).status())
			.isEqualTo(429);

		RawHttp colleague = new RawHttp(port, "127.0.0.37");
		assertThat(colleague.get("/engine-rest/engine", "Authorization", basic("throttle.colleague", "secret-throttle.colleague"))
			.status()).as("the colleague's own password, from their own desk").isEqualTo(200);
		RawHttp.Answer tasklist = colleague.webappLogin("tasklist", "throttle.colleague", "secret-throttle.colleague");
		assertThat(tasklist.status()).as(tasklist.body()).isEqualTo(200);
	}

	/** A door: {@code limit} wrong passwords answered as a failure, then 429 with Retry-After. */
	private void door(String door, String from, Function<RawHttp, RawHttp.Answer> wrongPassword, int failure) {
		RawHttp client = new RawHttp(port, from);
		for (int i = 0; i < limit; i++) {
			RawHttp.Answer answer = wrongPassword.apply(client);
			assertThat(answer.status()).as(door + ", failure " + (i + 1) + ": " + answer.body()).isEqualTo(failure);
			if (failure == 302) {
				assertThat(answer.header("Location")).as(door).contains("/login?error");
			}
		}
		RawHttp.Answer refused = wrongPassword.apply(client);
		assertThat(refused.status()).as(door + " once the budget is spent").isEqualTo(429);
		assertThat(refused.header("Retry-After")).as(door).matches("[1-9][0-9]*");
	}

	private int failedAttempts(String user) {
		return jdbc.sql("select ATTEMPTS_ from ACT_ID_USER where ID_ = ?").param(user).query(Integer.class).single();
	}

}
