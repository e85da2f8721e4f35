package org.timescales.security;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.timescales.casefile.CaseRecordRead;
import org.timescales.casefile.CaseRepository;
import org.timescales.casefile.ChildCase;
import org.timescales.team.Teams;

/**
 * The allow-list in front of the engine's APIs: {@code /engine-rest} (integrators, scripts) and the
 * webapps' own engine API under {@code /camunda/api/engine} that Tasklist calls with its session. For
 * everyone but an administrator ({@code camunda-admin}) these answer only what working one's queue
 * needs: list and read tasks and filters, claim, unclaim, complete a task with its form's fields,
 * comment on it, and the names of process definitions, users and groups. Everything else — setting
 * variables, moving due dates, suspending, modifying, deleting, starting processes, correlating
 * messages, editing comments, history, statistics, metrics, Cockpit's plugins, Admin — is refused
 * with one answer that names nothing, so a refusal says nothing about another team's case.
 * <p>
 * The engine's authorizations grant a worker only the tasks they are a candidate or assignee of (see
 * {@link Access}); this door also requires the task's case to be held by a team the caller works for (or
 * the task to be their own), answers a task's comments itself, refuses work on a task whose work needs a
 * qualification the caller lacks, only lets a task be completed with its own form's fields, and puts
 * every read of one task on the record-view log, whichever API it came through.
 */
class EngineApiDoor extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(EngineApiDoor.class);

	static final String REFUSED = "{\"type\":\"AuthorizationException\",\"message\":\"Not allowed through the engine's API: "
			+ "a case changes only through Timescales' commands (/api) or by working a task of your team\"}";

	/** The engine root of each API: /engine-rest/…, /camunda/api/engine/engine/{engine}/… */
	private static final Pattern ENGINE_REST = Pattern.compile("^/engine-rest(/.*)?$");

	private static final Pattern WEBAPP_ENGINE = Pattern.compile("^/camunda/api/engine/engine(?:/[^/]+)?(/.*)?$");

	private static final Pattern TASK = Pattern.compile("^/task/([^/]+)(/.*)?$");

	private static final Set<String> WORKERS = Set.of(Roles.PRACTITIONER, Roles.TEAM_MANAGER, Roles.SERVICE_MANAGER);

	private static final Set<String> MANAGERS = Set.of(Roles.TEAM_MANAGER, Roles.SERVICE_MANAGER);

	/** Reads that are lists the engine itself filters by the user's authorizations, or names only. */
	private static final List<Pattern> OPEN_READS = patterns("", "/", "/engine", "/task", "/task/count", "/filter", "/filter/count",
			"/filter/[^/]+", "/filter/[^/]+/(list|count|singleResult)", "/process-definition", "/process-definition/count",
			"/process-definition/(?!statistics$)[^/]+", "/process-definition/[^/]+/xml", "/process-definition/key/[^/]+",
			"/process-definition/key/[^/]+/xml", "/user", "/user/count", "/user/[^/]+/profile", "/group", "/group/count",
			"/identity/groups", "/task/report/candidate-group-count");

	/** Queries sent as a POST body: still reads. */
	private static final List<Pattern> OPEN_QUERIES = patterns("/task", "/task/count", "/filter/[^/]+/(list|count|singleResult)");

	/** Reads of one task a user may see: what Tasklist shows when a task is opened. */
	private static final Set<String> TASK_READS = Set.of("", "/form", "/deployed-form", "/rendered-form",
			"/form-variables", "/variables", "/identity-links", "/comment", "/attachment");

	/** The task reads that show the child's record (its variables), put on the record-view log. */
	private static final Set<String> RECORDED_READS = Set.of("", "/form-variables", "/variables");

	private static final Set<String> TASK_WORK = Set.of("/claim", "/unclaim", "/complete", "/submit-form",
			"/comment/create");

	private final IdentityService identityService;

	private final TaskService taskService;

	private final RuntimeService runtimeService;

	private final FormService formService;

	private final ApplicationEventPublisher events;

	private final CaseRepository cases;

	private final Teams teams;

	private final AsSystem asSystem;

	private final RepositoryService repositoryService;

	private final Qualifications qualifications;

	private final ObjectMapper json = new ObjectMapper();

	EngineApiDoor(IdentityService identityService, TaskService taskService, RuntimeService runtimeService,
			FormService formService, ApplicationEventPublisher events, CaseRepository cases, Teams teams, AsSystem asSystem,
			RepositoryService repositoryService, Qualifications qualifications) {
		this.repositoryService = repositoryService;
		this.qualifications = qualifications;
		this.identityService = identityService;
		this.taskService = taskService;
		this.runtimeService = runtimeService;
		this.formService = formService;
		this.events = events;
		this.cases = cases;
		this.teams = teams;
		this.asSystem = asSystem;
	}

	@Configuration
	static class Registration {

		@Bean
		FilterRegistrationBean<EngineApiDoor> engineApiDoorFilter(IdentityService identityService,
				TaskService taskService, RuntimeService runtimeService, FormService formService,
				ApplicationEventPublisher events, CaseRepository cases, Teams teams, AsSystem asSystem,
				RepositoryService repositoryService, Qualifications qualifications) {
			FilterRegistrationBean<EngineApiDoor> registration = new FilterRegistrationBean<>(
					new EngineApiDoor(identityService, taskService, runtimeService, formService, events, cases,
							teams, asSystem, repositoryService, qualifications));
			registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
			// after Spring Security, which signs /engine-rest callers in (SecurityConfig)
			registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
			return registration;
		}

	}

	/** Who is calling, as the engine should see them. */
	record Caller(String userId, Set<String> groups) {

		boolean isAdmin() {
			return groups.contains(Roles.ADMIN);
		}

		boolean isWorker() {
			return groups.stream().anyMatch(WORKERS::contains);
		}

		boolean isManager() {
			return groups.stream().anyMatch(MANAGERS::contains);
		}

	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
		Caller caller = path.startsWith("/engine-rest") ? springCaller() : webappCaller(request.getSession(false));
		if (caller == null || caller.isAdmin()) {
			// nobody signed in: each API answers 401 itself; an administrator may do anything, on the operation log
			chain.doFilter(request, response);
			return;
		}
		String engineRelative = engineRelative(path);
		if (engineRelative == null) {
			if (otherWebappApiAllowed(path, request.getMethod())) {
				chain.doFilter(request, response);
			}
			else {
				refuse(caller, request, response);
			}
			return;
		}
		HttpServletRequest checked = checkEngineCall(caller, engineRelative, request, response);
		if (checked != null) {
			chain.doFilter(checked, response);
		}
	}

	/**
	 * Returns the request to pass on (its body re-readable when it was read here), or null when the
	 * answer has been written.
	 */
	private HttpServletRequest checkEngineCall(Caller caller, String path, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		String method = request.getMethod();
		boolean read = "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
		if (read && matches(OPEN_READS, path) || "POST".equals(method) && matches(OPEN_QUERIES, path)) {
			return request;
		}
		Matcher task = TASK.matcher(path);
		if (!task.matches()) {
			refuse(caller, request, response);
			return null;
		}
		String taskId = task.group(1);
		String action = task.group(2) == null ? "" : task.group(2);
		boolean allowed = read ? TASK_READS.contains(action) || TASK_READS.contains(parent(action))
				: "POST".equals(method) && (TASK_WORK.contains(action) && caller.isWorker()
						|| "/assignee".equals(action) && caller.isManager());
		if (!allowed) {
			refuse(caller, request, response);
			return null;
		}
		Task granted = asCaller(caller, () -> taskService.createTaskQuery().taskId(taskId).singleResult());
		Task visible = granted != null && onTheCase(caller, granted) ? granted : null;
		if (visible == null) {
			// the same answer for another team's task as for one that does not exist
			write(response, HttpServletResponse.SC_NOT_FOUND,
					"{\"type\":\"InvalidRequestException\",\"message\":\"No task " + jsonText(taskId)
							+ " that you may see\"}");
			return null;
		}
		if (read && (RECORDED_READS.contains(action) || "/variables".equals(parent(action)))) {
			events.publishEvent(new CaseRecordRead(caseOf(visible), CaseRecordRead.TASK, caller.userId()));
		}
		if (read && ("/comment".equals(action) || "/comment".equals(parent(action)))) {
			comments(visible, "/comment".equals(action) ? null : action.substring("/comment/".length()), response);
			return null;
		}
		if (TASK_WORK.contains(action) && !"/comment/create".equals(action)) {
			var unmet = asSystem.call(() -> qualifications.unmetToWork(processKeyOf(visible),
					visible.getTaskDefinitionKey(), caller.groups()));
			if (unmet.isPresent()) {
				write(response, HttpServletResponse.SC_FORBIDDEN, engineError("AuthorizationException",
						"You may not work this task: " + Qualifications.describe(unmet.get())));
				return null;
			}
		}
		if ("/complete".equals(action) || "/submit-form".equals(action)) {
			return onlyFormFields(visible, request, response);
		}
		if ("/assignee".equals(action)) {
			assign(caller, visible, request, response);
			return null;
		}
		return request;
	}

	/**
	 * A manager of the team that holds the case gives one of its tasks to a member of the team (or back
	 * to the team): done here as one of our commands, on the engine's operation log under the manager's
	 * name, because the engine's own TASK_ASSIGN could only be granted task by task.
	 */
	private void assign(Caller caller, Task task, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		String team = cases.findCase(caseOf(task)).map(ChildCase::team).orElse(null);
		if (team == null || !(caller.userId().equals(teams.managerOf(team))
				|| caller.userId().equals(teams.serviceManagerOf(team)))) {
			refuse(caller, request, response);
			return;
		}
		JsonNode userId;
		try {
			userId = json.readTree(request.getInputStream()).path("userId");
		}
		catch (IOException notJson) {
			write(response, HttpServletResponse.SC_BAD_REQUEST,
					"{\"type\":\"InvalidRequestException\",\"message\":\"The body is not JSON\"}");
			return;
		}
		String assignee = userId.isTextual() ? userId.asText() : null;
		if (assignee != null && !assignee.equals(teams.managerOf(team)) && identityService.createUserQuery()
			.userId(assignee)
			.memberOfGroup(team)
			.count() == 0) {
			write(response, HttpServletResponse.SC_BAD_REQUEST, "{\"type\":\"InvalidRequestException\",\"message\":"
					+ "\"userId: is not a member of the team that holds the case\"}");
			return;
		}
		if (assignee != null) {
			var unmet = asSystem.call(() -> qualifications.unmetToWork(processKeyOf(task), task.getTaskDefinitionKey(),
					teams.groupsOf(assignee)));
			if (unmet.isPresent()) {
				write(response, HttpServletResponse.SC_BAD_REQUEST, engineError("InvalidRequestException",
						"userId: " + assignee + " may not work this task: " + Qualifications.describe(unmet.get())));
				return;
			}
		}
		List<String> groups = new java.util.ArrayList<>(caller.groups());
		groups.add(Roles.COMMANDS);
		asCaller(new Caller(caller.userId(), Set.copyOf(groups)), () -> {
			taskService.setAssignee(task.getId(), assignee);
			return null;
		});
		response.setStatus(HttpServletResponse.SC_NO_CONTENT);
	}

	/**
	 * A task is completed with the values of its own form, which our listeners check: a variable the
	 * form does not have (a clock's start date, a decision of another step) is refused, naming it.
	 */
	private HttpServletRequest onlyFormFields(Task task, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		byte[] body = request.getInputStream().readAllBytes();
		Set<String> submitted = new HashSet<>();
		if (body.length > 0) {
			JsonNode variables;
			try {
				variables = json.readTree(body).path("variables");
			}
			catch (IOException notJson) {
				write(response, HttpServletResponse.SC_BAD_REQUEST,
						"{\"type\":\"InvalidRequestException\",\"message\":\"The body is not JSON\"}");
				return null;
			}
			variables.fieldNames().forEachRemaining(submitted::add);
		}
		Set<String> fields = formFields(task);
		for (String name : submitted) {
			if (!fields.contains(name)) {
				write(response, HttpServletResponse.SC_BAD_REQUEST, "{\"type\":\"InvalidRequestException\",\"message\":\""
						+ jsonText(name) + ": is not a field of this task's form\"}");
				return null;
			}
		}
		return new BodyAgain(request, body);
	}

	private Set<String> formFields(Task task) {
		Set<String> keys = new HashSet<>();
		try (InputStream form = asSystem.call(() -> formService.getDeployedTaskForm(task.getId()))) {
			collectKeys(json.readTree(form), keys);
		}
		catch (RuntimeException | IOException noForm) {
			// a task without a deployed form takes no values through the engine's API
			log.debug("Task {} has no deployed form", task.getId(), noForm);
		}
		return keys;
	}

	private static void collectKeys(JsonNode node, Set<String> keys) {
		if (node.isObject()) {
			if (node.path("disabled").asBoolean(false) || node.path("readonly").asBoolean(false)) {
				// shown, not submitted: another step's record on this task's form (authorise-assessment)
				return;
			}
			if (node.hasNonNull("key") && node.get("key").isTextual()) {
				keys.add(node.get("key").asText());
			}
			for (Iterator<JsonNode> children = node.elements(); children.hasNext();) {
				collectKeys(children.next(), keys);
			}
		}
		else if (node.isArray()) {
			node.forEach(child -> collectKeys(child, keys));
		}
	}

	/**
	 * A visible task's comments, answered here as the engine would (its CommentDto): the engine reads
	 * comments through the history, which is granted to nobody per task or instance (see {@link Access}),
	 * and whether the caller may see the task has just been checked.
	 */
	private void comments(Task task, String commentId, HttpServletResponse response) throws IOException {
		List<org.camunda.bpm.engine.task.Comment> comments = asSystem.call(() -> taskService.getTaskComments(task.getId()));
		var array = json.createArrayNode();
		for (var comment : comments) {
			if (commentId != null && !commentId.equals(comment.getId())) {
				continue;
			}
			var dto = array.addObject();
			dto.put("id", comment.getId());
			dto.put("userId", comment.getUserId());
			dto.put("time", ENGINE_DATE.format(comment.getTime().toInstant()));
			dto.put("taskId", comment.getTaskId());
			dto.put("processInstanceId", comment.getProcessInstanceId());
			dto.put("message", comment.getFullMessage());
			dto.put("removalTime", comment.getRemovalTime() == null ? null
					: ENGINE_DATE.format(comment.getRemovalTime().toInstant()));
			dto.put("rootProcessInstanceId", comment.getRootProcessInstanceId());
			dto.putArray("links");
		}
		if (commentId != null && array.isEmpty()) {
			write(response, HttpServletResponse.SC_NOT_FOUND, "{\"type\":\"InvalidRequestException\",\"message\":"
					+ "\"No comment " + jsonText(commentId) + " on this task\"}");
			return;
		}
		write(response, HttpServletResponse.SC_OK, json.writeValueAsString(commentId == null ? array : array.get(0)));
	}

	/** The engine's REST date format, in the zone every node runs in (London). */
	private static final java.time.format.DateTimeFormatter ENGINE_DATE = java.time.format.DateTimeFormatter
		.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")
		.withZone(java.time.ZoneId.systemDefault());

	private String processKeyOf(Task task) {
		return repositoryService.getProcessDefinition(task.getProcessDefinitionId()).getKey();
	}

	/**
	 * Besides the engine's grant: the task is the caller's own, or its case is held by a team the caller
	 * works for (or the caller reads every case). A grant the engine kept from before a transfer opens nothing.
	 */
	private boolean onTheCase(Caller caller, Task task) {
		if (caller.userId().equals(task.getAssignee()) || caller.groups().contains(Roles.AUDITOR)) {
			return true;
		}
		String caseRef = caseOf(task);
		String team = caseRef == null ? null : cases.findCase(caseRef).map(ChildCase::team).orElse(null);
		return team != null && (caller.groups().contains(team) || caller.userId().equals(teams.managerOf(team))
				|| caller.userId().equals(teams.serviceManagerOf(team)));
	}

	private String caseOf(Task task) {
		ProcessInstance instance = asSystem.call(
				() -> runtimeService.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).singleResult());
		return instance == null ? null : instance.getBusinessKey();
	}

	/** The webapps' other APIs: Tasklist's, the welcome page's and signing in; Cockpit and Admin are for administrators. */
	private static boolean otherWebappApiAllowed(String path, String method) {
		if (path.startsWith("/camunda/api/admin/auth/")) {
			return true;
		}
		boolean read = "GET".equals(method) || "HEAD".equals(method);
		return read && (path.startsWith("/camunda/api/tasklist/") || path.startsWith("/camunda/api/welcome/"));
	}

	private static String engineRelative(String path) {
		Matcher rest = ENGINE_REST.matcher(path);
		if (rest.matches()) {
			return rest.group(1) == null ? "" : rest.group(1);
		}
		Matcher webapp = WEBAPP_ENGINE.matcher(path);
		if (webapp.matches()) {
			return webapp.group(1) == null ? "" : webapp.group(1);
		}
		return null;
	}

	private static String parent(String action) {
		int slash = action.lastIndexOf('/');
		return slash <= 0 ? action : action.substring(0, slash);
	}

	private void refuse(Caller caller, HttpServletRequest request, HttpServletResponse response) throws IOException {
		log.warn("Refused {} {} to {}", request.getMethod(), request.getRequestURI(), caller.userId());
		write(response, HttpServletResponse.SC_FORBIDDEN, REFUSED);
	}

	private static void write(HttpServletResponse response, int status, String body) throws IOException {
		response.setStatus(status);
		response.setContentType("application/json");
		response.setCharacterEncoding("UTF-8");
		response.setHeader("Cache-Control", "no-store");
		response.getWriter().write(body);
	}

	/** An error body as the engine's REST API writes one, the message escaped as JSON. */
	private String engineError(String type, String message) throws IOException {
		return json.writeValueAsString(java.util.Map.of("type", type, "message", message));
	}

	private static String jsonText(String text) {
		return text.replaceAll("[^A-Za-z0-9._:-]", "?");
	}

	private static Caller springCaller() {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated() || authentication.getName() == null) {
			return null;
		}
		return new Caller(authentication.getName(), CaseAccess.groups(authentication));
	}

	/** The user the webapps signed in on this session (Camunda keeps it in the session). */
	private static Caller webappCaller(HttpSession session) {
		if (session == null) {
			return null;
		}
		Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
		if (authentications == null) {
			return null;
		}
		for (UserAuthentication user : authentications.getAuthentications()) {
			if (user.getName() != null) {
				return new Caller(user.getName(),
						Set.copyOf(user.getGroupIds() == null ? List.of() : user.getGroupIds()));
			}
		}
		return null;
	}

	/** Runs an engine read as the caller, then gives back whatever authentication the thread had. */
	private <T> T asCaller(Caller caller, java.util.function.Supplier<T> read) {
		Authentication before = identityService.getCurrentAuthentication();
		identityService.setAuthentication(caller.userId(), List.copyOf(caller.groups()));
		try {
			return read.get();
		}
		finally {
			restore(before);
		}
	}

	private void restore(Authentication before) {
		if (before == null) {
			identityService.clearAuthentication();
		}
		else {
			identityService.setAuthentication(before);
		}
	}

	private static boolean matches(List<Pattern> patterns, String path) {
		return patterns.stream().anyMatch(p -> p.matcher(path).matches());
	}

	private static List<Pattern> patterns(String... regexes) {
		return java.util.Arrays.stream(regexes).map(Pattern::compile).toList();
	}

	/** The request with its body, already read here, readable once more by the engine's API. */
	private static final class BodyAgain extends HttpServletRequestWrapper {

		private final byte[] body;

		BodyAgain(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(body);
			return new ServletInputStream() {
				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] b, int off, int len) {
					return in.read(b, off, len);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException();
				}
			};
		}

		@Override
		public java.io.BufferedReader getReader() {
			return new java.io.BufferedReader(
					new java.io.InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
		}

		@Override
		public int getContentLength() {
			return body.length;
		}

		@Override
		public long getContentLengthLong() {
			return body.length;
		}

	}

}
