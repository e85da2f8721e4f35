package org.timescales.hostile;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.timescales.ProcessTestSupport;
import org.timescales.TimescalesTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 7: over a thousand generated malformed or hostile requests (wrong JSON types, 100 KB strings,
 * impossible dates, injection strings, control characters, unknown and missing fields, empty and
 * non-JSON bodies, wrong content types, odd path variables and query parameters) to every
 * {@code /api} endpoint that takes input, over real HTTP to the test's own server. Every one must be
 * refused with a 4xx — never a 5xx, never accepted — as a problem detail ({@code application/problem+json}),
 * and a 400 must name the field in it. Nothing may be created for the case references used. The
 * generator is seeded, so a run is repeatable, and every failure is collected so one run shows every
 * problem.
 */
@TimescalesTest
class HostileInputTest extends ProcessTestSupport {

	private static final long SEED = 20_261_123L;

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private static final String HUNDRED_KB = "A".repeat(100 * 1024);

	private static final String HUNDRED_KB_INJECTION = "'; drop table clock; --<script>${7*7}".repeat(2800);

	/** Dates no field should take: impossible, in the wrong format, words, year 0, far future. */
	private static final List<String> BAD_DATES = List.of("2026-02-30", "2026-02-29", "31/12/2026", "12/31/2026",
			"yesterday", "today", "tomorrow", "0000-01-01", "0000-00-00", "-0001-01-01", "+10000-01-01", "9999-12-31",
			"+999999999-12-31", "2026-13-01", "2026-00-10", "2026-1-5", "20261231", "2026-12-31T25:00:00",
			"2026-12-31T10:61:00", "2026-12-31T10:00:00+25:00", "2026-11-20T09:00:00[Mars/Olympus]", "", "   ", "NaN",
			"1e10", "2026-W48-1", "2026-11-20 09:00", "Mon, 23 Nov 2026 09:00:00 GMT", "2026-11-20T09:00:00ZZ",
			"2026‐11‐20" /* unicode hyphens */, "２０２６-11-20" /* full-width digits */);

	/** Strings an attacker tries: SQL, script, expression languages, path traversal, NUL and control characters. */
	private static final List<String> INJECTIONS = List.of("'; drop table clock; --", "\"; drop table child_case; --",
			"' OR '1'='1", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "${7*7}", "#{7*7}",
			"#{T(java.lang.Runtime).getRuntime().exec('id')}", "${jndi:ldap://127.0.0.1/x}", "{{7*7}}",
			"../../etc/passwd", "..\\..\\windows\\win.ini", "%00", "%2e%2e%2f", "\u0000", "a\u0000b", "\u0007\u0008\u001b[31m",
			"\r\nX-Injected: yes", "\u202Eevil", "\uFEFF", "a\u2028b\u2029", "\uD83D\uDCA9",
			"<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>");

	/** Path segments no case reference or clock id has, URL-encoded. */
	private static final List<String> ODD_SEGMENTS = List.of("%3Cscript%3Ealert(1)%3C%2Fscript%3E", "%3Cscript%3E",
			"..%2F..%2Fetc%2Fpasswd", "%2e%2e", "..", "%00", "a%00b", "%0A", "%0D%0AX-Injected:%20yes", "%20", "%25",
			"%E2%80%AE", "%27%3B%20drop%20table%20clock%3B%20--", "%24%7B7*7%7D", "%23%7B7*7%7D", "a%3Bb", "%3B",
			"%5C", "%FF", "%C0%AE", "C-1%2FX", "%C3%A9t%C3%A9", "%F0%9F%92%A9", "%7B%7D", "%22", "null", "-1",
			"X".repeat(2000));

	private static final List<String> ODD_CLOCK_IDS = List.of("abc", "-1", "0", "99999999999999999999", "1.5", "%20",
			"1e3", "0x10", "%00", "NaN", "null", "%24%7B7*7%7D");

	@Autowired
	TestRestTemplate http;

	@Autowired
	ObjectMapper json;

	/** One generated request: who sends it, the raw (already encoded) path and query, the body as sent. */
	record Hostile(String user, HttpMethod method, String path, String contentType, String body, String what) {
	}

	private final Set<String> newCaseRefs = new LinkedHashSet<>();

	private final Set<String> referralIds = new LinkedHashSet<>();

	private final Set<String> complaintIds = new LinkedHashSet<>();

	@Test
	void everyMalformedOrHostileRequestIsRefusedWith4xxNamingTheFieldAndCreatesNothing() throws Exception {
		clockAt("2026-12-14T10:00:00Z");
		String caseRef = newCaseRef("HOSTILE");
		referral(caseRef, "2026-11-23T10:00:00");
		ResponseEntity<String> complaint = http.withBasicAuth("worker.north", "secret-worker.north")
			.exchange("/api/complaints", HttpMethod.POST, new HttpEntity<>(Map.of("complaintId", "CMP-" + caseRef,
					"caseRef", caseRef, "receivedAt", "2026-12-10T09:00:00"), jsonHeaders()), String.class);
		assertThat(complaint.getStatusCode().value()).as(complaint.getBody()).isEqualTo(201);
		long complaintClock = json.readTree(complaint.getBody()).at("/clocks/0/clockId").asLong();
		long processesBefore = processesOf(caseRef);
		long clocksBefore = jdbc.sql("select count(*) from clock where case_ref = ?").param(caseRef).query(Long.class).single();
		String newCaseRef = newCaseRef("HOSTILE-NEW");

		List<Hostile> requests = generate(new Random(SEED), caseRef, newCaseRef, complaintClock);
		List<String> failures = new ArrayList<>();
		Map<String, Integer> statuses = new java.util.TreeMap<>();
		for (Hostile request : requests) {
			ResponseEntity<String> response = send(request);
			statuses.merge(request.what().replaceFirst(":.*", "") + " " + response.getStatusCode().value(), 1,
					Integer::sum);
			String failure = check(request, response);
			if (failure != null) {
				failures.add(failure);
			}
		}
		System.out.println("Hostile requests sent: " + requests.size() + "; answers by endpoint and status: " + statuses);

		assertThat(requests).hasSizeGreaterThanOrEqualTo(1000);
		assertThat(failures).as("%d of %d hostile requests were not refused properly:%n%s", failures.size(),
				requests.size(), String.join("\n", failures)).isEmpty();

		// nothing was created: no case, referral or process for the references used, no new clock or process
		for (String ref : newCaseRefs) {
			if (ref.indexOf('\u0000') >= 0) {
				continue; // PostgreSQL cannot even hold such a key, so cannot have stored it
			}
			assertThat(count("select count(*) from child_case where case_ref = ?", ref)).as("child_case " + ref).isZero();
			assertThat(count("select count(*) from referral where case_ref = ?", ref)).as("referral " + ref).isZero();
			assertThat(processesOf(ref)).as("processes of " + ref).isZero();
		}
		for (String id : referralIds) {
			if (id.indexOf('\u0000') >= 0) {
				continue;
			}
			assertThat(count("select count(*) from referral where referral_id = ?", id)).as("referral " + id).isZero();
		}
		for (String id : complaintIds) {
			if (id.indexOf('\u0000') >= 0) {
				continue;
			}
			assertThat(engine.getHistoryService()
				.createHistoricProcessInstanceQuery()
				.processDefinitionKey("complaint")
				.variableValueEquals("complaintId", id)
				.count()).as("complaint " + id).isZero();
		}
		assertThat(count("select count(*) from child_case where case_ref = ?", caseRef)).isEqualTo(1);
		assertThat(count("select count(*) from referral where case_ref = ?", caseRef)).isEqualTo(1);
		assertThat(processesOf(caseRef)).isEqualTo(processesBefore);
		assertThat(count("select count(*) from clock where case_ref = ?", caseRef)).isEqualTo(clocksBefore);
		assertThat(count("select count(*) from correction where case_ref = ?", caseRef)).isZero();
	}

	// --- generation ---------------------------------------------------------------------------------

	/** How a field of a request body may be broken. */
	enum Kind {

		/** an identifier with a pattern or a lookup: any hostile text is refused */
		ID,
		/** free text that may hold anything short: only the wrong type, a missing value or too long is refused */
		TEXT,
		/** free text with no length limit: hostile values decorate a request, never make it invalid alone */
		LONG_TEXT,
		/** a calendar date */
		DATE,
		/** a date-time */
		DATE_TIME,
		/** a code from a list (team, source, legal status) */
		CODE

	}

	record Field(String name, Kind kind, boolean required, String valid) {
	}

	record Endpoint(String name, String user, String pathTemplate, List<Field> fields) {
	}

	private List<Hostile> generate(Random random, String caseRef, String newCaseRef, long clockId) {
		List<Endpoint> bodies = List.of(
				new Endpoint("referral", "worker.north", "/api/referrals",
						List.of(new Field("referralId", Kind.ID, true, "R-" + newCaseRef),
								new Field("child.caseRef", Kind.ID, true, newCaseRef),
								new Field("child.givenName", Kind.TEXT, true, "Ada"),
								new Field("child.familyName", Kind.TEXT, true, "Example"),
								new Field("child.dateOfBirth", Kind.DATE, true, "2018-03-04"),
								new Field("child.sex", Kind.CODE, true, "F"),
								new Field("receivedAt", Kind.DATE_TIME, true, "2026-11-20T09:00:00"),
								new Field("source", Kind.CODE, true, "2A"), new Field("team", Kind.CODE, true, "north"))),
				new Endpoint("child-details", "tm.north", "/api/cases/{caseRef}/child-details",
						List.of(new Field("upn", Kind.CODE, true, "Y201000000001"),
								new Field("sex", Kind.CODE, false, null),
								new Field("upnUnknown", Kind.CODE, false, null),
								new Field("reason", Kind.LONG_TEXT, true, "UPN from the school"))),
				new Endpoint("complaint", "worker.north", "/api/complaints",
						List.of(new Field("complaintId", Kind.TEXT, true, "CMP2-" + newCaseRef),
								new Field("caseRef", Kind.ID, true, caseRef),
								new Field("receivedAt", Kind.DATE_TIME, true, "2026-12-11T09:00:00"))),
				new Endpoint("correction", "tm.north", "/api/cases/{caseRef}/corrections",
						List.of(new Field("variable", Kind.ID, true, "referralReceivedAt"),
								new Field("value", Kind.DATE_TIME, true, "2026-11-23T09:00:00"),
								new Field("reason", Kind.LONG_TEXT, true, "Minutes show an hour earlier"),
								new Field("processInstanceId", Kind.ID, false, null))),
				new Endpoint("extension", "tm.north", "/api/cases/{caseRef}/clocks/{clockId}/extension",
						List.of(new Field("newDueDate", Kind.DATE, true, "2026-12-30"),
								new Field("reason", Kind.LONG_TEXT, true, "Complainant asked to meet later"))),
				new Endpoint("looked-after", "worker.north", "/api/cases/{caseRef}/looked-after",
						List.of(new Field("becameLookedAfterDate", Kind.DATE, true, "2026-12-01"),
								new Field("placementStartDate", Kind.DATE, true, "2026-12-01"),
								new Field("legalStatus", Kind.CODE, true, "C2"),
								new Field("dateOfBirth", Kind.ID, false, null))),
				new Endpoint("placement", "worker.north", "/api/cases/{caseRef}/placements",
						List.of(new Field("placementStartDate", Kind.DATE, true, "2026-12-02"))),
				new Endpoint("left-care", "worker.north", "/api/cases/{caseRef}/left-care",
						List.of(new Field("leftCareDate", Kind.DATE, true, "2026-12-03"),
								new Field("reason", Kind.LONG_TEXT, true, "Returned home"))),
				new Endpoint("missing-episode", "worker.north", "/api/cases/{caseRef}/missing-episodes",
						List.of(new Field("missingFrom", Kind.DATE_TIME, true, "2026-12-01T22:00:00"),
								new Field("returnedAt", Kind.DATE_TIME, true, "2026-12-02T18:00:00"))));
		newCaseRefs.add(newCaseRef);
		referralIds.add("R-" + newCaseRef);
		complaintIds.add("CMP2-" + newCaseRef);

		List<Hostile> requests = new ArrayList<>();
		for (Endpoint endpoint : bodies) {
			for (int i = 0; i < 100; i++) {
				requests.add(bodyRequest(random, endpoint, caseRef, clockId));
			}
			// and, not left to chance, every bad date in every date field, the rest of the request valid
			for (Field field : endpoint.fields()) {
				if (field.kind() == Kind.DATE || field.kind() == Kind.DATE_TIME) {
					for (String date : BAD_DATES) {
						ObjectNode body = template(endpoint);
						set(body, field.name(), NODES.textNode(date));
						// its own ids: a request wrongly accepted must not hide the next behind a "resend" 200
						int n = requests.size();
						if (body.has("referralId")) {
							body.put("referralId", "R" + n + "-" + newCaseRef);
						}
						if (body.has("complaintId")) {
							body.put("complaintId", "CMP" + n + "-" + newCaseRef);
						}
						collectRefs(endpoint, body);
						requests.add(new Hostile(endpoint.user(), HttpMethod.POST, path(endpoint, caseRef, clockId),
								MediaType.APPLICATION_JSON_VALUE, body.toString(),
								endpoint.name() + ": " + field.name() + " " + date));
					}
				}
			}
		}
		for (int i = 0; i < 70; i++) {
			String segment = pick(random, ODD_SEGMENTS);
			String method = i % 10 == 9 ? "DELETE" : "GET";
			requests.add(new Hostile("worker.north", HttpMethod.valueOf(method), "/api/cases/" + segment, null, null,
					method + " odd case reference"));
		}
		for (int i = 0; i < 90; i++) {
			requests.add(timelinessRequest(random));
		}
		for (int i = 0; i < 60; i++) {
			requests.add(censusRequest(random));
		}
		return requests;
	}

	/** A request to a body-taking endpoint: one change that makes it invalid, and up to two hostile extras. */
	private Hostile bodyRequest(Random random, Endpoint endpoint, String caseRef, long clockId) {
		ObjectNode body = template(endpoint);
		String path = path(endpoint, caseRef, clockId);
		String contentType = MediaType.APPLICATION_JSON_VALUE;
		String raw = null;
		HttpMethod method = HttpMethod.POST;
		StringBuilder what = new StringBuilder();

		int decorations = random.nextInt(3);
		for (int d = 0; d < decorations; d++) {
			Field field = pick(random, endpoint.fields());
			if (field.kind() == Kind.TEXT || field.kind() == Kind.LONG_TEXT) {
				String value = random.nextInt(5) == 0 && field.kind() == Kind.LONG_TEXT ? HUNDRED_KB_INJECTION
						: pick(random, INJECTIONS) + " " + field.valid();
				set(body, field.name(), NODES.textNode(value));
				what.append("hostile ").append(field.name()).append("; ");
			}
		}

		int primary = random.nextInt(100);
		if (primary < 45) {
			Field field = pick(random, endpoint.fields());
			JsonNode bad = badValue(random, field);
			if (bad == null) {
				remove(body, field.name());
				what.append("missing ").append(field.name());
			}
			else {
				set(body, field.name(), bad);
				what.append("bad ").append(field.name());
			}
		}
		else if (primary < 55) {
			// unknown fields, at the top or nested
			String name = pick(random, List.of("priority", "isAdmin", "__proto__", "constructor", "$where", "id",
					"caseRef2", "child.nickname", "x".repeat(1000), "'; drop table clock; --", "\u0000", "<script>"));
			JsonNode value = pick(random, List.of(NODES.textNode("high"), NODES.numberNode(1), NODES.nullNode(),
					NODES.objectNode().put("$gt", ""), NODES.arrayNode().add(1), NODES.textNode(HUNDRED_KB)));
			if (name.startsWith("child.") && !endpoint.name().equals("referral")) {
				name = "nickname";
			}
			set(body, name, value);
			what.append("unknown field ").append(abbreviate(name, 40));
		}
		else if (primary < 75) {
			String[] structural = { "", " ", "null", "[]", "[{}]", "\"text\"", "42", "true", "{", "{\"a\":",
					"{'single': 'quotes'}", "{\"unquoted\": value}", "{\"a\":1,}", "// comment\n{}", "<referral/>",
					"referralId=R-1&team=north", "\u0000\u0001\u0002", "[".repeat(5000) + "]".repeat(5000),
					"{\"a\":".repeat(3000) + "1" + "}".repeat(3000), "{\"x\":\"" + HUNDRED_KB, HUNDRED_KB,
					"NaN", "{\"a\": NaN}", "\uFEFF\uFEFF{}" };
			raw = structural[random.nextInt(structural.length)];
			what.append("body ").append(abbreviate(raw, 30));
		}
		else if (primary < 87) {
			String[][] types = { { MediaType.TEXT_PLAIN_VALUE, null }, { MediaType.APPLICATION_XML_VALUE, "xml" },
					{ MediaType.APPLICATION_FORM_URLENCODED_VALUE, "form" }, { "text/plain;charset=UTF-8", null },
					{ "text/html", null }, { "multipart/form-data; boundary=x", null }, { "application/x-yaml", null },
					{ "application/octet-stream", null }, { "application/xml;charset=UTF-8", "xml" } };
			String[] type = types[random.nextInt(types.length)];
			contentType = type[0];
			if ("xml".equals(type[1])) {
				raw = "<request>" + body.properties()
					.stream()
					.map(e -> "<" + e.getKey() + ">" + e.getValue().asText() + "</" + e.getKey() + ">")
					.reduce("", String::concat) + "</request>";
			}
			else if ("form".equals(type[1])) {
				raw = body.properties()
					.stream()
					.map(e -> e.getKey() + "=" + java.net.URLEncoder.encode(e.getValue().asText(),
							java.nio.charset.StandardCharsets.UTF_8))
					.reduce((a, b) -> a + "&" + b)
					.orElse("");
			}
			what.append("content type ").append(contentType);
		}
		else if (primary < 96) {
			if (path.contains("/clocks/") && random.nextBoolean()) {
				path = path.replace("/clocks/" + clockId + "/", "/clocks/" + pick(random, ODD_CLOCK_IDS) + "/");
				what.append("odd clock id");
			}
			else if (path.contains(caseRef)) {
				path = path.replace(caseRef, pick(random, ODD_SEGMENTS));
				what.append("odd case reference");
			}
			else {
				// the referral and complaint paths have no variable: send the wrong method instead
				method = random.nextBoolean() ? HttpMethod.PUT : HttpMethod.DELETE;
				what.append("method ").append(method);
			}
		}
		else {
			method = random.nextBoolean() ? HttpMethod.PUT : HttpMethod.DELETE;
			what.append("method ").append(method);
		}
		if (raw == null) {
			raw = body.toString();
			collectRefs(endpoint, body);
		}
		return new Hostile(endpoint.user(), method, path, contentType, raw, endpoint.name() + ": " + what);
	}

	/** The endpoint's request with every field valid: a generated request always breaks it. */
	private static ObjectNode template(Endpoint endpoint) {
		ObjectNode body = NODES.objectNode();
		for (Field field : endpoint.fields()) {
			if (field.valid() != null) {
				set(body, field.name(), NODES.textNode(field.valid()));
			}
		}
		return body;
	}

	private static String path(Endpoint endpoint, String caseRef, long clockId) {
		return endpoint.pathTemplate().replace("{caseRef}", caseRef).replace("{clockId}", String.valueOf(clockId));
	}

	/** A value that makes the field invalid, or null to leave the field out. */
	private JsonNode badValue(Random random, Field field) {
		List<JsonNode> wrongTypes = List.of(NODES.arrayNode(), NODES.arrayNode().add(field.valid() == null ? "x" : field.valid()),
				NODES.objectNode(), NODES.objectNode().put("value", field.valid()), NODES.objectNode().put("$ne", ""));
		List<JsonNode> scalars = List.of(NODES.numberNode(12345), NODES.numberNode(-1), NODES.numberNode(1.5e308),
				NODES.booleanNode(true), NODES.numberNode(new java.math.BigInteger("9".repeat(400))));
		int choice = random.nextInt(10);
		if (choice < 3) {
			return pick(random, wrongTypes);
		}
		if (choice < 4 && field.required()) {
			return random.nextBoolean() ? null : NODES.nullNode();
		}
		switch (field.kind()) {
			case DATE, DATE_TIME:
				if (choice < 5) {
					return pick(random, scalars);
				}
				if (choice < 8) {
					return NODES.textNode(pick(random, BAD_DATES));
				}
				return NODES.textNode(choice == 9 ? HUNDRED_KB : pick(random, INJECTIONS));
			case ID, CODE:
				if (choice < 5 && field.kind() == Kind.CODE) {
					return pick(random, scalars);
				}
				if (choice < 8) {
					return NODES.textNode(pick(random, INJECTIONS));
				}
				return NODES.textNode(choice == 9 ? HUNDRED_KB : "X".repeat(65 + random.nextInt(200)));
			case TEXT:
				if (choice < 7 && field.required()) {
					return NODES.textNode(pick(random, List.of("", "   ", "\t\n")));
				}
				return NODES.textNode(random.nextBoolean() ? HUNDRED_KB : HUNDRED_KB_INJECTION);
			default: // LONG_TEXT: only the wrong type or no value is refused
				if (field.required() && choice < 7) {
					return NODES.textNode(pick(random, List.of("", "   ", "\t\n")));
				}
				return pick(random, wrongTypes);
		}
	}

	private void collectRefs(Endpoint endpoint, ObjectNode body) {
		if (endpoint.name().equals("referral")) {
			JsonNode ref = body.at("/child/caseRef");
			if (ref.isTextual() && !ref.asText().isEmpty() && ref.asText().length() <= 64) {
				newCaseRefs.add(ref.asText());
			}
			JsonNode id = body.get("referralId");
			if (id != null && id.isTextual() && id.asText().length() <= 64) {
				referralIds.add(id.asText());
			}
		}
		if (endpoint.name().equals("complaint")) {
			JsonNode id = body.get("complaintId");
			if (id != null && id.isTextual() && id.asText().length() <= 64) {
				complaintIds.add(id.asText());
			}
		}
	}

	private Hostile timelinessRequest(Random random) {
		List<String> badParams = new ArrayList<>();
		BAD_DATES.stream().filter(d -> !d.isBlank()).forEach(d -> {
			badParams.add("from=" + encode(d));
			badParams.add("to=" + encode(d));
		});
		INJECTIONS.forEach(s -> {
			badParams.add("measure=" + encode(s));
			badParams.add("team=" + encode(s));
			badParams.add("format=" + encode(s));
			badParams.add("from=" + encode(s));
		});
		badParams.addAll(List.of("to=0000-01-01", "from=9999-12-31", "from=2026-12-01&to=2026-11-01", "format=xml",
				"format=pdf", "measure=nonsense", "team=nowhere", "team=south", "from=" + "9".repeat(1500),
				"team=" + "x".repeat(1500), "from=2026-04-01&from=2026-05-01", "to=%00", "from=%FF%FE",
				"measure=%0D%0AX-Injected:%20yes", "format=csv%00"));
		String query = pick(random, badParams);
		// decorations: valid parameters alongside, which do not make it valid
		if (random.nextInt(3) == 0 && !query.startsWith("team=")) {
			query += "&team=north";
		}
		if (random.nextInt(4) == 0 && !query.startsWith("format=")) {
			query += "&format=" + (random.nextBoolean() ? "csv" : "json");
		}
		return new Hostile("tm.north", HttpMethod.GET, "/api/reports/timeliness?" + query, null, null,
				"timeliness: " + abbreviate(query, 40));
	}

	private Hostile censusRequest(Random random) {
		List<String> queries = new ArrayList<>(List.of("", "year=", "year=abc", "year=0", "year=-1", "year=1999",
				"year=2101", "year=99999999999", "year=2026.5", "year=%00", "year=%24%7B7*7%7D", "year=1e3", "year=0x7E6",
				"year=2026%27%3B%20drop%20table%20clock%3B%20--", "year=%3Cscript%3E", "yr=2026", "years=2026",
				"year=" + "9".repeat(1500), "year=NaN", "year=null", "year=%E2%80%AE2026"));
		String query = pick(random, queries);
		HttpMethod method = random.nextInt(12) == 0 ? HttpMethod.DELETE : HttpMethod.GET;
		return new Hostile("tm.north", method, "/api/returns/cin-census" + (query.isEmpty() ? "" : "?" + query), null,
				null, "cin-census: " + method + " " + abbreviate(query, 40));
	}

	// --- sending and checking ------------------------------------------------------------------------

	private ResponseEntity<String> send(Hostile request) {
		HttpHeaders headers = new HttpHeaders();
		headers.setAccept(List.of(MediaType.APPLICATION_JSON));
		if (request.contentType() != null) {
			headers.set(HttpHeaders.CONTENT_TYPE, request.contentType());
		}
		try {
			URI uri = URI.create(http.getRootUri() + request.path());
			return http.withBasicAuth(request.user(), "secret-" + request.user())
				.exchange(uri, request.method(), new HttpEntity<>(request.body(), headers), String.class);
		}
		catch (RuntimeException ex) {
			return ResponseEntity.status(599).body("client could not send or read: " + ex);
		}
	}

	/** Null when the response is a proper refusal; otherwise a line saying what was sent and what came back. */
	private String check(Hostile request, ResponseEntity<String> response) {
		int status = response.getStatusCode().value();
		String problem = null;
		if (status < 400 || status >= 500) {
			problem = "status " + status;
		}
		else {
			JsonNode body = null;
			try {
				body = response.getBody() == null ? null : json.readTree(response.getBody());
			}
			catch (Exception notJson) {
				// reported below
			}
			if (body == null || !body.isObject()) {
				if (!(status == 400 && refusedByTomcat(request.path()))) {
					problem = "a " + status + " without a JSON error body";
				}
			}
			else if (!MediaType.APPLICATION_PROBLEM_JSON.equalsTypeAndSubtype(response.getHeaders().getContentType())) {
				problem = "a " + status + " answered as " + response.getHeaders().getContentType()
						+ ", not a problem detail (application/problem+json)";
			}
			else if (status == 400 && body.has("errors")) {
				boolean named = false;
				for (JsonNode error : body.path("errors")) {
					named |= !error.path("field").asText("").isBlank();
				}
				if (!named) {
					problem = "a " + status + " whose errors name no field";
				}
			}
			else if (body.path("status").asInt() != status) {
				problem = "a " + status + " whose JSON body is not an error body";
			}
		}
		if (problem == null) {
			return null;
		}
		return "- " + problem + ": " + request.what() + " | " + request.method() + " " + abbreviate(request.path(), 120)
				+ " [" + request.contentType() + "] " + abbreviate(request.body(), 160) + " -> " + status + " "
				+ abbreviate(response.getBody(), 300);
	}

	/**
	 * Tomcat's connector refuses a path holding an encoded NUL, slash or backslash, or bytes that are
	 * not UTF-8, with its own HTML 400 before the request reaches the application (so before any
	 * code of ours could answer in JSON): a refusal all the same, and the only non-JSON one allowed.
	 */
	private static boolean refusedByTomcat(String pathAndQuery) {
		String path = pathAndQuery.split("\\?", 2)[0];
		return java.util.regex.Pattern.compile("%00|%2F|%5C|%C0|%FF", java.util.regex.Pattern.CASE_INSENSITIVE)
			.matcher(path)
			.find();
	}

	// --- helpers -------------------------------------------------------------------------------------

	private long processesOf(String caseRef) {
		return engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseRef).count();
	}

	private long count(String sql, String param) {
		return jdbc.sql(sql).param(param).query(Long.class).single();
	}

	/** Sets a dotted field (child.caseRef), creating the parent object if the parent is still an object. */
	private static void set(ObjectNode body, String dotted, JsonNode value) {
		int dot = dotted.indexOf('.');
		if (dot < 0) {
			body.set(dotted, value);
			return;
		}
		JsonNode parent = body.get(dotted.substring(0, dot));
		if (parent == null) {
			parent = body.putObject(dotted.substring(0, dot));
		}
		if (parent instanceof ObjectNode object) {
			object.set(dotted.substring(dot + 1), value);
		}
		// otherwise the parent is already of the wrong type: the request stays invalid
	}

	private static void remove(ObjectNode body, String dotted) {
		int dot = dotted.indexOf('.');
		if (dot < 0) {
			body.remove(dotted);
			return;
		}
		withParent(body, dotted, object -> object.remove(dotted.substring(dot + 1)));
	}

	private static void withParent(ObjectNode body, String dotted, Consumer<ObjectNode> action) {
		JsonNode parent = body.get(dotted.substring(0, dotted.indexOf('.')));
		if (parent instanceof ObjectNode object) {
			action.accept(object);
		}
	}

	private static <T> T pick(Random random, List<T> values) {
		return values.get(random.nextInt(values.size()));
	}

	private static String encode(String value) {
		return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
	}

	private static String abbreviate(String text, int max) {
		if (text == null) {
			return "null";
		}
		String visible = text.replaceAll("\\p{Cntrl}", "?");
		return visible.length() <= max ? visible : visible.substring(0, max) + "…(" + text.length() + " chars)";
	}

}
