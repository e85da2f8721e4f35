package org.timescales.web;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.timescales.ProcessTestSupport;
import org.timescales.TimescalesTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document of {@code /api} (springdoc, {@link OpenApiConfig}), over real HTTP: only for
 * someone signed in, OpenAPI 3, with every {@code /api} endpoint the application maps — taken from
 * Spring MVC's own mappings, so a new controller missing from the document fails here — and the
 * problem-detail schema of our errors, referenced by the 4xx answers.
 */
@TimescalesTest
class OpenApiDocumentTest extends ProcessTestSupport {

	private static final String READER = "docs.reader";

	@Autowired
	TestRestTemplate http;

	@Autowired
	ObjectMapper json;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@BeforeEach
	void reader() {
		user(READER);
	}

	@Test
	void anonymousIsRefused() {
		assertThat(http.getForEntity("/v3/api-docs", String.class).getStatusCode().value()).isEqualTo(401);
		assertThat(http.getForEntity("/swagger-ui/index.html", String.class).getStatusCode().value()).isEqualTo(401);
		assertThat(http.getForEntity("/swagger-ui.html", String.class).getStatusCode().value()).isEqualTo(401);
	}

	@Test
	void signedInItIsAnOpenApi3DocumentOfOurApiOnly() throws Exception {
		JsonNode document = document();

		assertThat(document.get("openapi").asText()).startsWith("3.");
		assertThat(document.at("/info/title").asText()).isEqualTo("Timescales API");
		assertThat(document.at("/info/version").asText()).isNotBlank();
		assertThat(document.at("/info/description").asText()).contains("HTTP basic");
		assertThat(document.at("/components/securitySchemes/basic/scheme").asText()).isEqualTo("basic");
		document.get("paths").fieldNames().forEachRemaining(path -> assertThat(path).startsWith("/api/"));
		// the browser is there for someone signed in
		assertThat(http.withBasicAuth(READER, "secret-" + READER)
			.getForEntity("/swagger-ui/index.html", String.class)
			.getStatusCode()
			.value()).isEqualTo(200);
	}

	@Test
	void someoneSignedInThroughTheLoginFormMayReadItToo() throws Exception {
		HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		String login = browser.send(HttpRequest.newBuilder(URI.create(url("/login"))).header("Accept", "text/html").build(),
				HttpResponse.BodyHandlers.ofString()).body();
		Matcher csrf = Pattern.compile("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"").matcher(login);
		assertThat(csrf.find()).as("the login form's CSRF token").isTrue();
		String form = "username=" + READER + "&password=secret-" + READER + "&_csrf="
				+ URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
		HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(URI.create(url("/login")))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).doesNotContain("error"));

		HttpResponse<String> document = browser.send(HttpRequest.newBuilder(URI.create(url("/v3/api-docs"))).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(document.statusCode()).isEqualTo(200);
		assertThat(json.readTree(document.body()).get("openapi").asText()).startsWith("3.");
	}

	@Test
	void everyApiEndpointTheApplicationMapsIsInTheDocument() throws Exception {
		JsonNode paths = document().get("paths");
		Set<String> mapped = new TreeSet<>();
		List<String> missing = new ArrayList<>();
		mappings.getHandlerMethods().keySet().forEach(info -> {
			for (String pattern : info.getPatternValues()) {
				if (!pattern.equals("/api") && !pattern.startsWith("/api/")) {
					continue;
				}
				String path = documented(pattern);
				for (String method : methods(info)) {
					mapped.add(method + " " + path);
					if (paths.path(path).path(method).isMissingNode()) {
						missing.add(method.toUpperCase() + " " + pattern);
					}
				}
			}
		});

		// the application has an API to describe (a mapping mistake here would pass with nothing)
		assertThat(mapped).hasSizeGreaterThan(20).contains("post /api/referrals", "get /api/cases/{caseRef}");
		assertThat(missing).as("/api endpoints missing from /v3/api-docs").isEmpty();
	}

	@Test
	void errorsAreOurProblemDetails() throws Exception {
		JsonNode document = document();
		JsonNode problem = document.at("/components/schemas/" + OpenApiConfig.PROBLEM);

		assertThat(problem.isMissingNode()).isFalse();
		List<String> members = new ArrayList<>();
		problem.get("properties").fieldNames().forEachRemaining(members::add);
		assertThat(members).containsExactly("type", "title", "status", "detail", "instance", "error", "message",
				"errors");
		assertThat(problem.at("/properties/errors/items/$ref").asText())
			.isEqualTo("#/components/schemas/" + OpenApiConfig.FIELD_ERROR);
		JsonNode fieldError = document.at("/components/schemas/" + OpenApiConfig.FIELD_ERROR + "/properties");
		assertThat(fieldError.has("field") && fieldError.has("message")).isTrue();

		// the 4xx answers of an operation are that schema, as application/problem+json
		JsonNode responses = document.at("/paths/~1api~1referrals/post/responses");
		for (String status : List.of("400", "401", "403")) {
			assertThat(responses.at("/" + status + "/content/application~1problem+json/schema/$ref").asText())
				.as(status)
				.isEqualTo("#/components/schemas/" + OpenApiConfig.PROBLEM);
		}
		assertThat(document.at("/paths/~1api~1cases~1{caseRef}/get/responses/404/content/application~1problem+json/schema/$ref")
			.asText()).isEqualTo("#/components/schemas/" + OpenApiConfig.PROBLEM);
	}

	private String url(String path) {
		return http.getRootUri() + path;
	}

	private JsonNode document() throws Exception {
		ResponseEntity<String> answer = http.withBasicAuth(READER, "secret-" + READER)
			.getForEntity("/v3/api-docs", String.class);
		assertThat(answer.getStatusCode().value()).isEqualTo(200);
		assertThat(answer.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue();
		return json.readTree(answer.getBody());
	}

	/** The path as OpenAPI writes it: {@code {id:\d+}} is {@code {id}}. */
	private static String documented(String pattern) {
		return pattern.replaceAll("\\{([^}:]+):[^}]*}", "{$1}");
	}

	/** The methods mapped, lower case as in the document; a mapping naming none answers them all (GET for one). */
	private static Set<String> methods(RequestMappingInfo info) {
		Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
		Set<String> names = new TreeSet<>();
		if (methods.isEmpty()) {
			names.add("get");
		}
		methods.forEach(method -> names.add(method.name().toLowerCase()));
		return names;
	}

}
