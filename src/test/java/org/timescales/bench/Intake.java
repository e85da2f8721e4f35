package org.timescales.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Intake: referrals per second through {@code POST /api/referrals} (real HTTP, basic auth, the front door's
 * user) against starting the one-user-task process through the engine's Java API, the same number of
 * client threads for both, with p50/p95 latency per call.
 */
final class Intake {

	static final String BARE_PROCESS = "benchBareTask";

	private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

	private final Bench bench;

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	private final String auth = "Basic "
			+ Base64.getEncoder().encodeToString("front.door:secret-front.door".getBytes(StandardCharsets.UTF_8));

	private final String run = Long.toString(System.currentTimeMillis() % 100_000_000, 36);

	Intake(Bench bench) {
		this.bench = bench;
	}

	void run() throws Exception {
		ClockUtil.reset(); // intake happens now, by the real clock
		int n = bench.scaled(3_000);
		System.out.printf("intake: %,d referrals over HTTP and %,d bare process starts, %d threads%n", n, n,
				bench.threads);
		String receivedAt = LocalDateTime.now().minusMinutes(30).format(LOCAL);
		// warm-up both
		api(bench.scaled(300), "W", receivedAt, new Figures.Latencies());
		bare(bench.scaled(300), "W", new Figures.Latencies());

		Figures.Latencies apiLatency = new Figures.Latencies();
		double apiSeconds = api(n, "M", receivedAt, apiLatency) / 1e9;
		Figures.Latencies bareLatency = new Figures.Latencies();
		double bareSeconds = bare(n, "M", bareLatency) / 1e9;
		double apiRate = n / apiSeconds;
		double bareRate = n / bareSeconds;
		bench.figures.add("intake", "referrals/s (" + bench.threads + " client threads)", Figures.rate(apiRate),
				Figures.rate(bareRate), "≥ 100/s", apiRate >= 100);
		bench.figures.add("intake", "ratio to the bare engine", String.format("%.2f", apiRate / bareRate), "1",
				"≥ 0.5", apiRate / bareRate >= 0.5);
		bench.figures.add("intake", "latency p50", Figures.ms(apiLatency.percentileMs(50)),
				Figures.ms(bareLatency.percentileMs(50)), "", null);
		bench.figures.add("intake", "latency p95", Figures.ms(apiLatency.percentileMs(95)),
				Figures.ms(bareLatency.percentileMs(95)), "", null);
	}

	/** Posts n referrals; returns the wall time in ns. */
	private long api(int n, String batch, String receivedAt, Figures.Latencies latencies) throws Exception {
		return bench.parallel(n, bench.threads, i -> {
			String id = "BI-" + run + "-" + batch + "-" + i;
			String team = Bench.TEAMS[i % Bench.TEAMS.length];
			String body = """
					{"referralId": "%s", "child": {"caseRef": "%s", "givenName": "Ada", "familyName": "Example",
					 "dateOfBirth": "2018-03-04", "sex": "F"}, "receivedAt": "%s", "source": "2A", "team": "%s"}"""
				.formatted(id, id, receivedAt, team);
			HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bench.port + "/api/referrals"))
				.header("Content-Type", "application/json")
				.header("Accept", "application/json")
				.header("Authorization", auth)
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build();
			long t0 = System.nanoTime();
			HttpResponse<String> response;
			try {
				response = http.send(request, HttpResponse.BodyHandlers.ofString());
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
			latencies.add(System.nanoTime() - t0);
			if (response.statusCode() != 201) {
				throw new IllegalStateException("referral " + id + ": " + response.statusCode() + " " + response.body());
			}
		});
	}

	private long bare(int n, String batch, Figures.Latencies latencies) throws Exception {
		RuntimeService runtime = bench.engine.getRuntimeService();
		return bench.parallel(n, bench.threads, i -> {
			long t0 = System.nanoTime();
			runtime.startProcessInstanceByKey(BARE_PROCESS, "BB-" + run + "-" + batch + "-" + i,
					Map.of("team", Bench.TEAMS[i % Bench.TEAMS.length]));
			latencies.add(System.nanoTime() - t0);
		});
	}

}
