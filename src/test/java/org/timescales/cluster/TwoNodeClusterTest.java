package org.timescales.cluster;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two Timescales nodes, each a JVM of its own on its own port, on one PostgreSQL database, with the
 * faults a county will meet: a node killed with SIGKILL in the middle of the referral load and another
 * in the middle of a breach storm, the mail server down across both, and the database cut off for a
 * few seconds. It shows that every referral is recorded once, every deadline's timer fired once, every
 * escalation task exists once, every mail reached the SMTP server exactly once and the morning digest
 * went once.
 *
 * <p>The nodes' engine clocks run {@link ClusterNode ahead} so that 300 referral-decision deadlines (the
 * end of Wednesday 10 March 2027, 1 working day after Tuesday's referrals) fall due about two minutes
 * after the start, while both nodes run. Needs an empty PostgreSQL database; `.ci/run` makes one:
 *
 * <pre>
 * mvn test -Dtest=TwoNodeClusterTest -Dtimescales.cluster.jdbc-url=jdbc:postgresql://127.0.0.1:5432/empty_db \
 *   -Dtimescales.cluster.username=postgres -Dtimescales.cluster.password=
 * </pre>
 */
@EnabledIfSystemProperty(named = "timescales.cluster.jdbc-url", matches = ".+")
class TwoNodeClusterTest {

	private static final int REFERRALS = Integer.getInteger("timescales.cluster.referrals", 300);

	/** The deadline every referral shares: midnight at the end of Wednesday 10 March 2027 (GMT). */
	private static final Instant DEADLINE = Instant.parse("2027-03-11T00:00:00Z");

	/** Real seconds from the start until the deadline: time to start two nodes and load the referrals. */
	private static final int LEAD_SECONDS = Integer.getInteger("timescales.cluster.lead-seconds", 150);

	private static final String PASSWORD = "cluster-secret";

	private static final String ADMIN = "cluster.admin";

	private final String jdbcUrl = System.getProperty("timescales.cluster.jdbc-url");

	private final String dbUser = System.getProperty("timescales.cluster.username", "postgres");

	private final String dbPassword = System.getProperty("timescales.cluster.password", "");

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final Path logs = Path.of("target", "cluster");

	private final List<MimeMessage> delivered = new ArrayList<>();

	private final List<Node> nodes = new ArrayList<>();

	private TcpProxy database;

	private GreenMail mailServer;

	private int smtpPort;

	private long clockOffsetMillis;

	private final long startedAt = System.currentTimeMillis();

	@AfterEach
	void stopEverything() throws IOException {
		nodes.forEach(Node::kill);
		if (mailServer != null) {
			mailServer.stop();
		}
		if (database != null) {
			database.close();
		}
	}

	@Test
	void twoNodesThroughCrashesAMailOutageAndADatabaseOutage() throws Exception {
		Files.createDirectories(logs);
		URI target = URI.create(jdbcUrl.substring("jdbc:".length()));
		database = new TcpProxy(target.getHost(), target.getPort() < 0 ? 5432 : target.getPort());
		smtpPort = freePort();
		mailServer = startMailServer();
		clockOffsetMillis = clockOffset();
		log("engine clocks run %s ahead: the deadline %s falls at %s", Duration.ofMillis(clockOffsetMillis), DEADLINE,
				Instant.ofEpochMilli(DEADLINE.toEpochMilli() - clockOffsetMillis));

		Node a = new Node("a", freePort());
		Node b = new Node("b", freePort());
		nodes.add(a);
		nodes.add(b);
		a.start();
		a.awaitReady();
		createPeople(a);
		b.start();
		b.awaitReady();
		log("both nodes ready");

		// the mail server goes down now and stays down through both crashes and the breach storm
		stopMailServer();

		// 1. the load: referrals to both nodes; node b is killed with SIGKILL half way and restarted
		Map<Integer, Integer> answers = load(a, b);
		assertThat(answers).hasSize(REFERRALS);
		assertThat(answers.values()).allMatch(status -> status == 201 || status == 200);
		b.awaitReady();

		// 2. the breach storm: every deadline passes at once; node a is killed 3 s into it and restarted
		awaitEngineTime(DEADLINE.plusSeconds(3));
		a.kill();
		a.start();
		awaitEngineTime(DEADLINE.plusSeconds(40));
		mailServer = startMailServer();
		log("mail server back");
		a.awaitReady();
		awaitCount("escalation tasks", REFERRALS, Duration.ofMinutes(4),
				"select count(*) from act_ru_task where task_def_key_ = 'UserTask_ReviewOverdue'");

		// 3. the database cut off: requests fail with a clear error, nothing is half-written, then all is well
		databaseOutage(a, b);

		// 4. everything due has been delivered
		awaitCount("unsent mail", 0, Duration.ofMinutes(5), "select count(*) from mail_outbox where sent_at is null");
		collectDelivered();

		assertEveryReferralOnce(answers);
		assertEveryTimerFiredOnceAndEveryEscalationTaskExistsOnce();
		assertEveryMailDeliveredExactlyOnce();
		assertTheDigestWentOnce();
		assertThat(count("select count(*) from act_ru_incident")).as("failed jobs (incidents)").isZero();
		log("done in %d s", (System.currentTimeMillis() - startedAt) / 1000);
	}

	// ---------------------------------------------------------------------------------------------------
	// the load, with a node killed in the middle of it

	private Map<Integer, Integer> load(Node a, Node b) throws Exception {
		Map<Integer, Integer> answers = new ConcurrentHashMap<>();
		AtomicInteger sent = new AtomicInteger();
		AtomicInteger retried = new AtomicInteger();
		AtomicBoolean killed = new AtomicBoolean();
		ExecutorService clients = Executors.newFixedThreadPool(4);
		long loadStart = System.currentTimeMillis();
		List<Future<?>> work = new ArrayList<>();
		for (int i = 1; i <= REFERRALS; i++) {
			int n = i;
			work.add(clients.submit(() -> {
				if (sent.incrementAndGet() == REFERRALS / 2 && killed.compareAndSet(false, true)) {
					b.kill();
					b.start(); // restarting takes a while; meanwhile its requests go to a
				}
				Node first = n % 2 == 0 ? a : b;
				Node second = first == a ? b : a;
				answers.put(n, submitReferral(n, first, second, retried));
				return null;
			}));
		}
		for (Future<?> f : work) {
			f.get(10, TimeUnit.MINUTES);
		}
		clients.shutdown();
		log("%d referrals in %d ms (%d sent again to the other node after a failure); engine time %s", REFERRALS,
				System.currentTimeMillis() - loadStart, retried.get(), engineNow());
		return answers;
	}

	/** Posts a referral to one node, and on a connection failure the same referral to the other: as a front door would. */
	private int submitReferral(int n, Node first, Node second, AtomicInteger retried) throws InterruptedException {
		String team = n % 2 == 0 ? "north" : "south";
		String body = """
				{"referralId": "CL-REF-%1$04d",
				 "child": {"caseRef": "CL-%1$04d", "givenName": "Test", "familyName": "Child", "dateOfBirth": "2017-05-01",
				           "sex": "M"},
				 "receivedAt": "2027-03-09T%2$s",
				 "source": "2A",
				 "team": "%3$s"}""".formatted(n, receivedTime(n), team);
		long giveUp = System.currentTimeMillis() + 120_000;
		Node node = first;
		while (true) {
			try {
				HttpResponse<String> response = post(node, "/api/referrals", "worker." + team, body);
				if (response.statusCode() == 201 || response.statusCode() == 200) {
					return response.statusCode();
				}
				if (response.statusCode() != 503) {
					throw new AssertionError("referral " + n + " to node " + node.name + ": " + response.statusCode()
							+ " " + response.body());
				}
			}
			catch (IOException ex) {
				// node down or killed mid-request: whether it committed or not, the same referral goes again
			}
			if (System.currentTimeMillis() > giveUp) {
				throw new AssertionError("referral " + n + " not accepted by either node in 2 minutes");
			}
			retried.incrementAndGet();
			node = node == first ? second : first;
			Thread.sleep(200);
		}
	}

	private static String receivedTime(int n) {
		int seconds = 9 * 3600 + n * 20; // from 09:00 on Tuesday, one every 20 seconds
		return "%02d:%02d:%02d".formatted(seconds / 3600, seconds / 60 % 60, seconds % 60);
	}

	// ---------------------------------------------------------------------------------------------------
	// the database outage

	private void databaseOutage(Node a, Node b) throws Exception {
		String body = """
				{"referralId": "CL-REF-OUTAGE", "child": {"caseRef": "CL-OUTAGE", "givenName": "Test",
				 "familyName": "Outage", "dateOfBirth": "2017-05-01", "sex": "U"}, "receivedAt": "2027-03-10T09:00:00",
				 "source": "2A", "team": "north"}""";
		database.cut();
		log("database cut off");
		try {
			HttpResponse<String> refused = post(b, "/api/referrals", "worker.north", body);
			assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
			assertThat(refused.body()).contains("The database is unavailable: nothing was saved");
			assertThat(refused.headers().firstValue("Retry-After")).hasValue("30");
			HttpResponse<String> read = get(a, "/api/cases/CL-0002", "worker.north");
			assertThat(read.statusCode()).as(read.body()).isEqualTo(503);
			HttpResponse<String> readiness = get(a, "/actuator/health/readiness", null);
			assertThat(readiness.statusCode()).as("readiness without a database: " + readiness.body()).isEqualTo(503);
		}
		finally {
			Thread.sleep(2_000);
			database.restore();
			log("database back");
		}
		a.awaitReady();
		b.awaitReady();
		HttpResponse<String> accepted = post(b, "/api/referrals", "worker.north", body);
		// 201, not 200: the refused attempt left nothing behind for this one to find
		assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(201);
		assertThat(count("select count(*) from child_case where case_ref = 'CL-OUTAGE'")).isEqualTo(1);
		HttpResponse<String> read = get(a, "/api/cases/CL-0002", "worker.north");
		assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
	}

	// ---------------------------------------------------------------------------------------------------
	// what must be true at the end

	private void assertEveryReferralOnce(Map<Integer, Integer> answers) throws SQLException {
		assertThat(count("select count(*) from child_case where case_ref like 'CL-0%'")).isEqualTo(REFERRALS);
		assertThat(count("select count(*) from referral where referral_id like 'CL-REF-0%'")).isEqualTo(REFERRALS);
		assertThat(count("select count(*) from (select business_key_ from act_hi_procinst where proc_def_key_ = 'referral' "
				+ "and business_key_ like 'CL-0%' group by business_key_ having count(*) = 1) once")).isEqualTo(REFERRALS);
		log("referrals: %d answered 201, %d answered 200 (committed by a node that died before answering)",
				answers.values().stream().filter(s -> s == 201).count(),
				answers.values().stream().filter(s -> s == 200).count());
	}

	private void assertEveryTimerFiredOnceAndEveryEscalationTaskExistsOnce() throws SQLException {
		// the timers of the watchers of the cases' referral decision clocks (bpmn/deadlineWatch.bpmn)
		String decisionWatchers = "select watch_instance_id from clock where rule_id = 'referral-decision'"
				+ " and case_ref like 'CL-0%'";
		for (String timer : List.of("Timer_Reminder", "Timer_Overdue")) {
			assertThat(count("select count(*) from (select proc_inst_id_ from act_hi_actinst where act_id_ = '" + timer
					+ "' and proc_inst_id_ in (" + decisionWatchers + ") group by proc_inst_id_ having count(*) = 1) once"))
				.as(timer + " fired once per case")
				.isEqualTo(REFERRALS);
			assertThat(count("select count(*) from act_hi_actinst where act_id_ = '" + timer + "' and proc_inst_id_ in ("
					+ decisionWatchers + ")")).as(timer).isEqualTo(REFERRALS);
		}
		// one tier-1 escalation per case: its record, its process and its manager's task
		assertThat(count("select count(*) from escalation where tier = 1")).isEqualTo(REFERRALS);
		assertThat(count("select count(*) from (select business_key_ from act_hi_procinst where proc_def_key_ = "
				+ "'breachEscalation' group by business_key_ having count(*) = 1) once")).isEqualTo(REFERRALS);
		assertThat(count("select count(*) from act_hi_procinst where proc_def_key_ = 'breachEscalation'"))
			.isEqualTo(REFERRALS);
		assertThat(count("select count(*) from act_ru_task where task_def_key_ = 'UserTask_ReviewOverdue'"))
			.isEqualTo(REFERRALS);
		// each team's breaches went to its own manager
		assertThat(count("select count(*) from escalation e join clock c on c.id = e.clock_id "
				+ "where c.team = 'north' and e.manager = 'tm.north'")).isEqualTo(REFERRALS / 2);
		assertThat(count("select count(*) from escalation e join clock c on c.id = e.clock_id "
				+ "where c.team = 'south' and e.manager = 'tm.south'")).isEqualTo(REFERRALS - REFERRALS / 2);
		List<Long> lateness = longs("select extract(epoch from (e.raised_at - c.due_at)) * 1000 from escalation e "
				+ "join clock c on c.id = e.clock_id where e.tier = 1 order by 1");
		log("escalation lateness after the deadline: p50 %d ms, p99 %d ms, max %d ms (node a was killed 3 s in)",
				lateness.get(lateness.size() / 2), lateness.get((int) Math.ceil(lateness.size() * 0.99) - 1),
				lateness.get(lateness.size() - 1));
	}

	private void assertEveryMailDeliveredExactlyOnce() throws Exception {
		Map<String, String> queued = new HashMap<>(); // Message-ID -> recipient
		try (Connection c = connect(); Statement s = c.createStatement();
				ResultSet rs = s.executeQuery("select message_id, recipient from mail_outbox")) {
			while (rs.next()) {
				queued.put(rs.getString(1), rs.getString(2));
			}
		}
		Map<String, Integer> received = new HashMap<>();
		for (MimeMessage message : delivered) {
			String id = message.getMessageID();
			received.merge(id, 1, Integer::sum);
			assertThat(queued).as("a mail that the outbox never queued").containsKey(id);
			assertThat(message.getAllRecipients()[0].toString()).isEqualTo(queued.get(id));
		}
		assertThat(received.keySet()).as("every queued mail reached the mail server").isEqualTo(queued.keySet());
		assertThat(received.values()).as("and each exactly once").allMatch(times -> times == 1);
		assertThat(count("select count(*) from mail_outbox where reference like 'escalation:%'")).isEqualTo(REFERRALS);
		assertThat(count("select count(*) from mail_outbox where reference like 'reminder:%'")).isEqualTo(REFERRALS);
		log("%d mails queued, %d delivered, none twice (%d failed attempts while the mail server was down)",
				queued.size(), delivered.size(), count("select coalesce(sum(attempts - 1), 0) from mail_outbox"));
	}

	private void assertTheDigestWentOnce() throws SQLException {
		// tried every 20 seconds on both nodes: one row and one mail per manager for each day
		assertThat(count("select count(*) from morning_digest where digest_date = date '2027-03-11'")).isEqualTo(1);
		List<String> references = strings("select reference from mail_outbox where reference like 'digest:%' order by 1");
		assertThat(references).doesNotHaveDuplicates()
			.contains("digest:2027-03-11:tm.north", "digest:2027-03-11:tm.south");
		log("digests: %s", references);
	}

	// ---------------------------------------------------------------------------------------------------
	// people, mail, clocks, database

	private void createPeople(Node node) throws Exception {
		for (String group : List.of("practitioner", "team-manager", "service-manager", "north", "south")) {
			if (get(node, "/engine-rest/group/" + group, ADMIN).statusCode() == 404) {
				expect(204, post(node, "/engine-rest/group/create", ADMIN,
						"{\"id\":\"%s\",\"name\":\"%s\",\"type\":\"WORKFLOW\"}".formatted(group, group)));
			}
		}
		Map<String, List<String>> people = Map.of("worker.north", List.of("practitioner", "north"), "worker.south",
				List.of("practitioner", "south"), "tm.north", List.of("team-manager", "north"), "tm.south",
				List.of("team-manager", "south"), "sm.east", List.of("service-manager", "north", "south"));
		for (Map.Entry<String, List<String>> person : people.entrySet()) {
			String id = person.getKey();
			expect(204, post(node, "/engine-rest/user/create", ADMIN, """
					{"profile": {"id": "%s", "firstName": "Cluster", "lastName": "%s", "email": "%s@cluster.test"},
					 "credentials": {"password": "%s"}}""".formatted(id, id, id, PASSWORD)));
			for (String group : person.getValue()) {
				expect(204, send(node, "PUT", "/engine-rest/group/" + group + "/members/" + id, ADMIN, null));
			}
		}
	}

	private GreenMail startMailServer() {
		GreenMail server = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		server.start();
		return server;
	}

	private void stopMailServer() {
		collectDelivered();
		mailServer.stop();
		mailServer = null;
		log("mail server down");
	}

	private void collectDelivered() {
		if (mailServer != null) {
			delivered.addAll(List.of(mailServer.getReceivedMessages()));
			mailServer.reset();
		}
	}

	/**
	 * The engine clocks' lead over real time: the deadline falls {@link #LEAD_SECONDS} from now, at one
	 * second past a multiple of 20 real seconds, so the first digest after it (every 20 s) runs 19 s
	 * into the breach storm, when there are breaches to list.
	 */
	private long clockOffset() {
		long at = System.currentTimeMillis() + LEAD_SECONDS * 1000L;
		at = at - at % 20_000 + 1_000;
		return DEADLINE.toEpochMilli() - at;
	}

	private Instant engineNow() {
		return Instant.ofEpochMilli(System.currentTimeMillis() + clockOffsetMillis);
	}

	private void awaitEngineTime(Instant instant) throws InterruptedException {
		long wait = instant.toEpochMilli() - clockOffsetMillis - System.currentTimeMillis();
		if (wait > 0) {
			Thread.sleep(wait);
		}
		log("engine time %s", engineNow());
	}

	private void awaitCount(String what, long expected, Duration timeout, String sql) throws Exception {
		long giveUp = System.currentTimeMillis() + timeout.toMillis();
		long last = -1;
		while (System.currentTimeMillis() < giveUp) {
			last = count(sql);
			if (last == expected) {
				log("%s: %d", what, last);
				return;
			}
			Thread.sleep(1_000);
		}
		throw new AssertionError(what + ": " + last + " after " + timeout + ", expected " + expected
				+ " (node logs in " + logs.toAbsolutePath() + ")");
	}

	private Connection connect() throws SQLException {
		return DriverManager.getConnection(jdbcUrl, dbUser, dbPassword);
	}

	private long count(String sql) throws SQLException {
		List<Long> values = longs(sql);
		return values.get(0);
	}

	private List<Long> longs(String sql) throws SQLException {
		return column(sql, rs -> rs.getLong(1));
	}

	private List<String> strings(String sql) throws SQLException {
		return column(sql, rs -> rs.getString(1));
	}

	private interface Column<T> {

		T read(ResultSet rs) throws SQLException;

	}

	private <T> List<T> column(String sql, Column<T> column) throws SQLException {
		List<T> values = new ArrayList<>();
		try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
			while (rs.next()) {
				values.add(column.read(rs));
			}
		}
		return values;
	}

	// ---------------------------------------------------------------------------------------------------
	// HTTP

	private HttpResponse<String> post(Node node, String path, String user, String json)
			throws IOException, InterruptedException {
		return send(node, "POST", path, user, json);
	}

	private HttpResponse<String> get(Node node, String path, String user) throws IOException, InterruptedException {
		return send(node, "GET", path, user, null);
	}

	private HttpResponse<String> send(Node node, String method, String path, String user, String json)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.port + path))
			.timeout(Duration.ofSeconds(60))
			.header("Accept", "application/json")
			.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		if (user != null) {
			String password = user.equals(ADMIN) ? PASSWORD + "-admin" : PASSWORD;
			request.header("Authorization", "Basic "
					+ Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static void expect(int status, HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.uri() + ": " + response.body()).isEqualTo(status);
	}

	private static int freePort() throws IOException {
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private void log(String format, Object... args) {
		System.out.printf("[cluster +%3ds] %s%n", (System.currentTimeMillis() - startedAt) / 1000,
				format.formatted(args));
	}

	/** A node: Timescales in a JVM of its own, started and killed (SIGKILL) at will. */
	private final class Node {

		private final String name;

		private final int port;

		private Process process;

		private int starts;

		Node(String name, int port) {
			this.name = name;
			this.port = port;
		}

		synchronized void start() {
			starts++;
			// without empty entries: Java reads one as the working directory, whose bpmn/ would deploy twice
			String classpath = java.util.Arrays
				.stream(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"))
					.split(File.pathSeparator))
				.filter(entry -> !entry.isBlank())
				.collect(java.util.stream.Collectors.joining(File.pathSeparator));
			String dbUrl = jdbcUrl.replaceFirst("//[^/]+/", "//127.0.0.1:" + database.port() + "/");
			List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
					"-Xmx768m", "-Dcluster.clockOffsetMillis=" + clockOffsetMillis, "-cp", classpath,
					ClusterNode.class.getName(), "--spring.profiles.active=postgres,cluster", "--server.port=" + port,
					"--spring.datasource.url=" + dbUrl, "--spring.datasource.username=" + dbUser,
					"--spring.datasource.password=" + dbPassword, "--spring.mail.port=" + smtpPort,
					"--camunda.bpm.admin-user.id=" + ADMIN, "--camunda.bpm.admin-user.password=" + PASSWORD + "-admin",
					"--spring.main.banner-mode=off");
			File log = logs.resolve("node-" + name + "-" + starts + ".log").toFile();
			try {
				process = new ProcessBuilder(command).redirectErrorStream(true)
					.redirectOutput(ProcessBuilder.Redirect.to(log))
					.start();
			}
			catch (IOException ex) {
				throw new IllegalStateException("could not start node " + name, ex);
			}
			TwoNodeClusterTest.this.log("node %s started (pid %d, port %d, log %s)", name, process.pid(), port, log);
		}

		/** SIGKILL: no shutdown hook, no transaction finished, no lock released. */
		synchronized void kill() {
			if (process != null && process.isAlive()) {
				process.destroyForcibly();
				try {
					process.waitFor(30, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				TwoNodeClusterTest.this.log("node %s killed (SIGKILL)", name);
			}
		}

		void awaitReady() throws Exception {
			long giveUp = System.currentTimeMillis() + 180_000;
			while (System.currentTimeMillis() < giveUp) {
				Process current;
				synchronized (this) {
					current = process;
				}
				if (!current.isAlive()) {
					throw new AssertionError("node " + name + " exited: see " + logs.toAbsolutePath());
				}
				try {
					if (get(this, "/actuator/health/readiness", null).statusCode() == 200) {
						return;
					}
				}
				catch (IOException ex) {
					// not listening yet
				}
				Thread.sleep(500);
			}
			throw new AssertionError("node " + name + " not ready in 3 minutes: see " + logs.toAbsolutePath());
		}

	}

}
