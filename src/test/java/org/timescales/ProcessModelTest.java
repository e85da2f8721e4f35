package org.timescales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnDiagram;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The rules every BPMN file in {@code bpmn/} keeps, checked on the files themselves (Camunda
 * model API), with the real Spring context for the beans the expressions call. One test per
 * rule, one dynamic test per file; {@link #theRulesCatchABrokenModel()} proves each rule can
 * fail.
 */
@TimescalesTest
class ProcessModelTest {

	/** Top-level folders, relative to the Maven working directory (the project root). */
	static final Path BPMN_FOLDER = Path.of("bpmn");

	static final Path FORMS_FOLDER = Path.of("forms");

	@Autowired
	ApplicationContext context;

	@Test
	void theBpmnFolderHoldsTheProcesses() {
		assertThat(modelFiles()).as("*.bpmn files under %s", BPMN_FOLDER.toAbsolutePath())
			.extracting(model -> model.file())
			.contains("referral.bpmn", "breachEscalation.bpmn");
	}

	@TestFactory
	Stream<DynamicTest> everyProcessIsExecutableAndKeepsItsHistory() {
		return perFile(rules()::processesAreExecutableWithAHistoryTimeToLive);
	}

	@TestFactory
	Stream<DynamicTest> everyFileIsNamedAfterItsProcess() {
		return perFile(rules()::fileIsNamedAfterItsProcess);
	}

	@TestFactory
	Stream<DynamicTest> everyElementHasAMeaningfulIdAndEveryStepAName() {
		return perFile(rules()::idsAreMeaningfulAndStepsNamed);
	}

	@TestFactory
	Stream<DynamicTest> everyUserTaskHasADueDateAndADeployedForm() {
		return perFile(rules()::userTasksHaveADueDateAndAFormRef);
	}

	@TestFactory
	Stream<DynamicTest> everyFormReferencedIsAFormInTheFormsFolder() {
		return perFile(rules()::formRefsHaveAFormFile);
	}

	@TestFactory
	Stream<DynamicTest> everyTimerUsesAComputedDeadline() {
		return perFile(rules()::timersAreComputed);
	}

	@TestFactory
	Stream<DynamicTest> everyDeadlineIsWatchedByTheOneWatcher() {
		return perFile(rules()::deadlinesAreWatchedNotPasted);
	}

	@Test
	void theWatcherRaisesTheReminderAndBothTiersUntilTheClockStops() {
		Model watcher = modelFiles().stream().filter(model -> model.file().equals("deadlineWatch.bpmn")).findFirst().orElseThrow();
		Map<String, String> timers = watcher.instance()
			.getModelElementsByType(TimerEventDefinition.class)
			.stream()
			.collect(Collectors.toMap(timer -> ((BaseElement) timer.getParentElement()).getId(),
					timer -> timer.getTimeDate().getTextContent()));
		assertThat(timers).containsOnly(entry("Timer_Reminder", "${clocks.reminderOf(clockId)}"),
				entry("Timer_Overdue", "${clocks.deadlineOf(clockId)}"),
				entry("Timer_StillOverdue", "${clocks.secondTierOf(clockId)}"));
		assertThat(watcher.instance().getModelElementsByType(ServiceTask.class)).extracting(ServiceTask::getCamundaExpression)
			.containsExactlyInAnyOrder("${escalations.remind(clockId)}", "${escalations.escalate(clockId, 1, overdueTask)}",
					"${escalations.escalate(clockId, 2, overdueTask)}");
		assertThat(watcher.instance().getModelElementsByType(Message.class)).extracting(Message::getName)
			.containsExactly("ClockStopped");
	}

	@TestFactory
	Stream<DynamicTest> everyBeanAnExpressionCallsExists() {
		return perFile(rules()::expressionsCallExistingBeans);
	}

	@TestFactory
	Stream<DynamicTest> everyCallActivityCallsAProcessInTheBpmnFolder() {
		return perFile(rules()::callActivitiesCallKnownProcesses);
	}

	@TestFactory
	Stream<DynamicTest> everyElementIsDrawn() {
		return perFile(rules()::everythingIsDrawn);
	}

	@Test
	void theRulesCatchABrokenModel() {
		// Given a model breaking every rule once
		BpmnModelInstance broken = Bpmn.createExecutableProcess("brokenModel")
			.name("Broken model")
			.startEvent("Activity_0vk0w99")
			.name("Started")
			.userTask("UserTask_NoDueDate")
			.name("Do something")
			.camundaFormRef("no-such-form")
			.camundaFormRefBinding("deployment")
			.camundaAssignee("${nosuchbean.foo()}")
			.boundaryEvent("Timer_FixedDuration")
			.name("An hour later")
			.cancelActivity(false)
			.timerWithDuration("PT1H")
			.endEvent("EndEvent_AnHourLater")
			.name("An hour later")
			.moveToActivity("UserTask_NoDueDate")
			.userTask("UserTask_Unwatched")
			.name("Answer to a rule nobody watches")
			.camundaDueDate("${clocks.dueAt(execution, 'assessment')}")
			.camundaExecutionListenerExpression("start", "${clocks.watch(execution, 'no-such-rule')}")
			.callActivity("CallActivity_Missing")
			.name("Call a missing process")
			.calledElement("noSuchProcess")
			.endEvent("EndEvent_Unnamed")
			.done();
		broken.getModelElementsByType(Process.class).forEach(process -> process.setCamundaHistoryTimeToLiveString(null));
		broken.<FlowNode>getModelElementById("EndEvent_Unnamed").setName(null); // the builder names it after its id
		BpmnShape undrawn = shapeOf(broken, "CallActivity_Missing");
		undrawn.getParentElement().removeChildElement(undrawn);
		Model model = new Model("brokenModel.bpmn", broken);

		// When the rules check it
		ModelRules rules = rules();

		// Then every rule reports the element that breaks it
		assertThat(rules.processesAreExecutableWithAHistoryTimeToLive(model)).anyMatch(containsAll("brokenModel", "historyTimeToLive"))
			.anyMatch(containsAll("brokenModel", "access.grant"));
		assertThat(rules.idsAreMeaningfulAndStepsNamed(model)).anyMatch(containsAll("Activity_0vk0w99", "generated"))
			.anyMatch(containsAll("EndEvent_Unnamed", "no name"));
		assertThat(rules.userTasksHaveADueDateAndAFormRef(model)).anyMatch(containsAll("UserTask_NoDueDate", "dueDate"));
		assertThat(rules.formRefsHaveAFormFile(model)).anyMatch(containsAll("UserTask_NoDueDate", "no-such-form"));
		assertThat(rules.timersAreComputed(model)).anyMatch(containsAll("Timer_FixedDuration", "PT1H"));
		assertThat(rules.deadlinesAreWatchedNotPasted(model)).anyMatch(containsAll("Timer_FixedDuration", "deadlineWatch"))
			.anyMatch(containsAll("UserTask_Unwatched", "'assessment'", "not watched"))
			.anyMatch(containsAll("UserTask_Unwatched", "'no-such-rule'", "no rule"));
		assertThat(rules.expressionsCallExistingBeans(model)).anyMatch(containsAll("UserTask_NoDueDate", "nosuchbean"));
		assertThat(rules.callActivitiesCallKnownProcesses(model)).anyMatch(containsAll("CallActivity_Missing", "noSuchProcess"));
		assertThat(rules.everythingIsDrawn(model)).anyMatch(containsAll("CallActivity_Missing", "BPMNShape"));
	}

	@Test
	void theBeanRuleKnowsExecutionTaskAndRealBeans() {
		// Given a model whose expressions call the engine's variables, a real bean and a missing one
		BpmnModelInstance instance = Bpmn.createExecutableProcess("beans")
			.startEvent("StartEvent_Started")
			.serviceTask("ServiceTask_Calls")
			.camundaExpression("${execution.getVariable('x') == task.getId() && runtimeService.getClass() != null"
					+ " && 'nosuchbean.foo()' != ''}")
			.endEvent("EndEvent_Done")
			.done();

		// When the bean rule checks it, Then nothing is reported
		assertThat(rules().expressionsCallExistingBeans(new Model("beans.bpmn", instance))).isEmpty();
	}

	private ModelRules rules() {
		return new ModelRules(this.context::containsBean, FORMS_FOLDER, processIdsIn(modelFiles()),
				this.context.getBean(org.timescales.rules.Rules.class).ids());
	}

	private static Stream<DynamicTest> perFile(Function<Model, List<String>> rule) {
		return modelFiles().stream().map(model -> DynamicTest.dynamicTest(model.file(), () -> {
			List<String> violations = rule.apply(model);
			if (!violations.isEmpty()) {
				fail(violations.size() + " problem(s):\n  " + String.join("\n  ", violations));
			}
		}));
	}

	private static List<Model> modelFiles() {
		try (Stream<Path> files = Files.walk(BPMN_FOLDER)) {
			return files.filter(path -> path.getFileName().toString().endsWith(".bpmn"))
				.sorted()
				.map(path -> new Model(BPMN_FOLDER.relativize(path).toString(), Bpmn.readModelFromFile(path.toFile())))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Set<String> processIdsIn(Collection<Model> models) {
		return models.stream()
			.flatMap(model -> model.instance().getModelElementsByType(Process.class).stream())
			.map(Process::getId)
			.collect(Collectors.toSet());
	}

	private static BpmnShape shapeOf(BpmnModelInstance instance, String elementId) {
		return instance.getModelElementsByType(BpmnShape.class)
			.stream()
			.filter(shape -> shape.getBpmnElement() != null && elementId.equals(shape.getBpmnElement().getId()))
			.findFirst()
			.orElseThrow();
	}

	private static Predicate<String> containsAll(String... parts) {
		return message -> Stream.of(parts).allMatch(message::contains);
	}

	/** One BPMN file, by its name under {@code bpmn/}. */
	record Model(String file, BpmnModelInstance instance) {

		String problem(String elementId, String problem) {
			return this.file + ": " + elementId + ": " + problem;
		}

		Document dom() {
			return (Document) this.instance.getDocument().getDomSource().getNode();
		}

	}

	/** The rules. Each returns one message per problem, naming the file and the element. */
	static final class ModelRules {

		/** Ids Camunda Modeler generates ({@code Activity_0vk0w99}) or the fluent builder does (UUIDs). */
		private static final Pattern GENERATED_ID = Pattern
			.compile(".*_([0-9a-z]{7}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})");

		private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{(.*?)}", Pattern.DOTALL);

		private static final Pattern STRING_LITERAL = Pattern.compile("'(\\\\.|[^'\\\\])*'|\"(\\\\.|[^\"\\\\])*\"");

		/** {@code name.method(} where name is not itself behind a dot. */
		private static final Pattern METHOD_CALL = Pattern.compile("(?<![\\w.])([A-Za-z_]\\w*)\\s*\\.\\s*[A-Za-z_]\\w*\\s*\\(");

		private static final Pattern BEAN_ONLY = Pattern.compile("\\s*[$#]\\{\\s*([A-Za-z_]\\w*)\\s*}\\s*");

		private static final Pattern COMPUTED = Pattern.compile("\\s*\\$\\{.+}\\s*", Pattern.DOTALL);

		/** Variables the engine itself puts into every expression. */
		private static final Set<String> ENGINE_VARIABLES = Set.of("execution", "task");

		private static final String BPMN_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL";

		private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";

		private static final ObjectMapper JSON = new ObjectMapper();

		private final Predicate<String> isBean;

		private final Path formsFolder;

		private final Set<String> processIds;

		private final Collection<String> ruleIds;

		ModelRules(Predicate<String> isBean, Path formsFolder, Set<String> processIds, Collection<String> ruleIds) {
			this.isBean = isBean;
			this.formsFolder = formsFolder;
			this.processIds = processIds;
			this.ruleIds = ruleIds;
		}

		private static final Pattern DUE_AT = Pattern.compile("\\$\\{clocks\\.dueAt\\(execution, '([^']+)'\\)}");

		private static final Pattern WATCH = Pattern.compile("\\$\\{clocks\\.watch\\(execution, '([^']+)'\\)}");

		/**
		 * One mechanism watches every deadline: no process pastes its own timers on a statutory task; a task
		 * whose due date comes from a clock sits in an activity (itself or an enclosing sub-process) that
		 * declares the rule with the start listener {@code ${clocks.watch(execution, 'rule')}}, which starts
		 * the clock's watcher (bpmn/deadlineWatch.bpmn).
		 */
		List<String> deadlinesAreWatchedNotPasted(Model model) {
			List<String> problems = new ArrayList<>();
			for (BoundaryEvent boundary : model.instance().getModelElementsByType(BoundaryEvent.class)) {
				if (!boundary.getChildElementsByType(TimerEventDefinition.class).isEmpty()) {
					problems.add(model.problem(boundary.getId(), "boundary timer on " + boundary.getAttachedTo().getId()
							+ ": deadlines are watched by bpmn/deadlineWatch.bpmn; declare the rule with a start listener"
							+ " ${clocks.watch(execution, 'rule')} instead"));
				}
			}
			for (FlowNode node : model.instance().getModelElementsByType(FlowNode.class)) {
				for (String rule : watchedBy(node)) {
					if (!this.ruleIds.contains(rule)) {
						problems.add(model.problem(node.getId(), "watches '" + rule + "', but there is no rule of that id"));
					}
				}
			}
			for (UserTask task : model.instance().getModelElementsByType(UserTask.class)) {
				Matcher due = DUE_AT.matcher(String.valueOf(task.getCamundaDueDate()));
				if (!due.matches()) {
					continue;
				}
				boolean watched = false;
				for (ModelElementInstance scope = task; scope instanceof FlowNode node; scope = scope.getParentElement()) {
					watched |= watchedBy(node).contains(due.group(1));
				}
				if (!watched) {
					problems.add(model.problem(task.getId(), "due date from clock '" + due.group(1) + "' but the clock is"
							+ " not watched: add the start listener ${clocks.watch(execution, '" + due.group(1)
							+ "')} to the task or its sub-process"));
				}
			}
			return problems;
		}

		private static List<String> watchedBy(FlowNode node) {
			if (node.getExtensionElements() == null) {
				return List.of();
			}
			return node.getExtensionElements()
				.getElementsQuery()
				.filterByType(org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener.class)
				.list()
				.stream()
				.filter(listener -> "start".equals(listener.getCamundaEvent()))
				.map(listener -> WATCH.matcher(String.valueOf(listener.getCamundaExpression())))
				.filter(Matcher::matches)
				.map(matcher -> matcher.group(1))
				.toList();
		}

		List<String> processesAreExecutableWithAHistoryTimeToLive(Model model) {
			List<String> problems = new ArrayList<>();
			for (Process process : model.instance().getModelElementsByType(Process.class)) {
				if (!process.isExecutable()) {
					problems.add(model.problem(process.getId(), "process is not isExecutable=\"true\""));
				}
				if (isBlank(process.getCamundaHistoryTimeToLiveString())) {
					problems.add(model.problem(process.getId(), "process has no camunda:historyTimeToLive"));
				}
				// least privilege: each instance is granted to its case's team as it starts
				boolean grantsAccess = process.getExtensionElements() != null && process.getExtensionElements()
					.getElementsQuery()
					.filterByType(org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener.class)
					.list()
					.stream()
					.anyMatch(l -> "start".equals(l.getCamundaEvent())
							&& "${access.grant(execution)}".equals(l.getCamundaExpression()));
				// a process without user tasks (the deadline watcher) hands nothing to a team
				boolean hasUserTasks = !model.instance().getModelElementsByType(UserTask.class).isEmpty();
				if (!grantsAccess && hasUserTasks) {
					problems.add(model.problem(process.getId(),
							"process has no start listener ${access.grant(execution)}: its tasks would not go to the case's team"));
				}
			}
			return problems;
		}

		List<String> fileIsNamedAfterItsProcess(Model model) {
			List<String> problems = new ArrayList<>();
			String expected = Path.of(model.file()).getFileName().toString().replaceFirst("\\.bpmn$", "");
			Collection<Process> processes = model.instance().getModelElementsByType(Process.class);
			if (processes.stream().noneMatch(process -> expected.equals(process.getId()))) {
				problems.add(model.problem(expected, "no process with the id the file is named after (found "
						+ processes.stream().map(Process::getId).toList() + ")"));
			}
			return problems;
		}

		List<String> idsAreMeaningfulAndStepsNamed(Model model) {
			List<String> problems = new ArrayList<>();
			for (Element element : elementsOf(model.dom())) {
				String id = element.getAttribute("id");
				String withoutDiSuffix = id.replaceFirst("_di$", "");
				if (GENERATED_ID.matcher(withoutDiSuffix).matches()) {
					problems.add(model.problem(id, "generated id on <" + element.getTagName()
							+ ">: use type prefix + meaningful name, e.g. UserTask_CompleteAssessment"));
				}
			}
			for (FlowNode node : model.instance().getModelElementsByType(FlowNode.class)) {
				if (isBlank(node.getName())) {
					problems.add(model.problem(node.getId(), "flow node has no name"));
				}
			}
			for (Gateway gateway : model.instance().getModelElementsByType(ExclusiveGateway.class)) {
				if (gateway.getOutgoing().size() > 1) {
					for (SequenceFlow flow : gateway.getOutgoing()) {
						if (isBlank(flow.getName())) {
							problems.add(model.problem(flow.getId(),
									"flow out of gateway " + gateway.getId() + " has no name: it should answer the question"));
						}
					}
				}
			}
			return problems;
		}

		List<String> userTasksHaveADueDateAndAFormRef(Model model) {
			List<String> problems = new ArrayList<>();
			for (UserTask task : model.instance().getModelElementsByType(UserTask.class)) {
				if (isBlank(task.getCamundaDueDate())) {
					problems.add(model.problem(task.getId(), "user task has no camunda:dueDate"));
				}
				if (isBlank(task.getCamundaFormRef())) {
					problems.add(model.problem(task.getId(), "user task has no camunda:formRef"));
				}
				else if (!"deployment".equals(task.getCamundaFormRefBinding())) {
					problems.add(model.problem(task.getId(), "camunda:formRefBinding is '" + task.getCamundaFormRefBinding()
							+ "', must be 'deployment'"));
				}
				if (task.getCamundaFormKey() != null) {
					problems.add(model.problem(task.getId(), "user task has a camunda:formKey: use camunda:formRef"));
				}
			}
			return problems;
		}

		List<String> formRefsHaveAFormFile(Model model) {
			List<String> problems = new ArrayList<>();
			for (UserTask task : model.instance().getModelElementsByType(UserTask.class)) {
				String formRef = task.getCamundaFormRef();
				if (isBlank(formRef)) {
					continue; // reported by userTasksHaveADueDateAndAFormRef
				}
				Path form = this.formsFolder.resolve(formRef + ".form");
				if (!Files.isRegularFile(form)) {
					problems.add(model.problem(task.getId(), "camunda:formRef '" + formRef + "' but there is no " + form));
					continue;
				}
				String formId = formIdOf(form);
				if (!formRef.equals(formId)) {
					problems.add(model.problem(task.getId(),
							"camunda:formRef '" + formRef + "' but " + form + " has \"id\": \"" + formId + "\""));
				}
			}
			return problems;
		}

		List<String> timersAreComputed(Model model) {
			List<String> problems = new ArrayList<>();
			for (TimerEventDefinition timer : model.instance().getModelElementsByType(TimerEventDefinition.class)) {
				BaseElement event = (BaseElement) timer.getParentElement();
				List<String> definitions = Stream.of(timer.getTimeDate(), timer.getTimeDuration(), timer.getTimeCycle())
					.filter(expression -> expression != null)
					.map(expression -> expression.getTextContent())
					.toList();
				if (definitions.isEmpty()) {
					problems.add(model.problem(event.getId(), "timer has no timeDate, timeDuration or timeCycle"));
				}
				for (String definition : definitions) {
					if (definition == null || !COMPUTED.matcher(definition).matches()) {
						problems.add(model.problem(event.getId(), "timer '" + definition
								+ "' is not a computed deadline: use ${...} calling the working calendar"));
					}
				}
			}
			return problems;
		}

		List<String> expressionsCallExistingBeans(Model model) {
			List<String> problems = new ArrayList<>();
			for (Element element : elementsOf(model.dom())) {
				if (isDocumentationOrScript(element)) {
					continue;
				}
				String owner = ownerId(element);
				NamedNodeMap attributes = element.getAttributes();
				for (int i = 0; i < attributes.getLength(); i++) {
					Attr attribute = (Attr) attributes.item(i);
					checkExpressions(model, owner, attribute.getValue(), problems);
					if ("delegateExpression".equals(attribute.getLocalName())) {
						Matcher bean = BEAN_ONLY.matcher(attribute.getValue());
						if (bean.matches() && !this.isBean.test(bean.group(1))) {
							problems.add(model.problem(owner, "delegateExpression " + attribute.getValue()
									+ " names no Spring bean '" + bean.group(1) + "'"));
						}
					}
				}
				if (!hasChildElements(element)) {
					checkExpressions(model, owner, element.getTextContent(), problems);
				}
			}
			return problems;
		}

		List<String> callActivitiesCallKnownProcesses(Model model) {
			List<String> problems = new ArrayList<>();
			for (CallActivity call : model.instance().getModelElementsByType(CallActivity.class)) {
				String called = call.getCalledElement();
				if (isBlank(called) || !this.processIds.contains(called)) {
					problems.add(model.problem(call.getId(), "calledElement '" + called
							+ "' is not the id of a process in bpmn/ (known: " + this.processIds + ")"));
				}
			}
			return problems;
		}

		List<String> everythingIsDrawn(Model model) {
			List<String> problems = new ArrayList<>();
			if (model.instance().getModelElementsByType(BpmnDiagram.class).isEmpty()) {
				problems.add(model.problem("definitions", "file has no bpmndi:BPMNDiagram"));
			}
			Set<String> drawn = new HashSet<>();
			model.instance().getModelElementsByType(BpmnShape.class)
				.stream()
				.filter(shape -> shape.getBpmnElement() != null)
				.forEach(shape -> drawn.add(shape.getBpmnElement().getId()));
			model.instance().getModelElementsByType(BpmnEdge.class)
				.stream()
				.filter(edge -> edge.getBpmnElement() != null)
				.forEach(edge -> drawn.add(edge.getBpmnElement().getId()));
			for (FlowNode node : model.instance().getModelElementsByType(FlowNode.class)) {
				if (!drawn.contains(node.getId())) {
					problems.add(model.problem(node.getId(), "flow node has no BPMNShape"));
				}
			}
			for (SequenceFlow flow : model.instance().getModelElementsByType(SequenceFlow.class)) {
				if (!drawn.contains(flow.getId())) {
					problems.add(model.problem(flow.getId(), "sequence flow has no BPMNEdge"));
				}
			}
			return problems;
		}

		private void checkExpressions(Model model, String owner, String text, List<String> problems) {
			if (text == null) {
				return;
			}
			Matcher expression = EXPRESSION.matcher(text);
			while (expression.find()) {
				String code = STRING_LITERAL.matcher(expression.group(1)).replaceAll("''");
				Matcher call = METHOD_CALL.matcher(code);
				while (call.find()) {
					String name = call.group(1);
					if (!ENGINE_VARIABLES.contains(name) && !this.isBean.test(name)) {
						problems.add(model.problem(owner,
								"expression " + expression.group() + " calls " + name + ".…() but there is no Spring bean '" + name + "'"));
					}
				}
			}
		}

		private static String formIdOf(Path form) {
			try {
				JsonNode id = JSON.readTree(form.toFile()).get("id");
				return (id != null) ? id.asText() : null;
			}
			catch (IOException ex) {
				return "unreadable JSON: " + ex.getMessage();
			}
		}

		/** The id of the element itself or of the nearest ancestor that has one. */
		private static String ownerId(Element element) {
			for (Node node = element; node instanceof Element candidate; node = node.getParentNode()) {
				if (!candidate.getAttribute("id").isEmpty()) {
					return candidate.getAttribute("id");
				}
			}
			return "definitions";
		}

		private static boolean isDocumentationOrScript(Element element) {
			String name = element.getLocalName();
			return (BPMN_NS.equals(element.getNamespaceURI()) && ("documentation".equals(name) || "script".equals(name)))
					|| (CAMUNDA_NS.equals(element.getNamespaceURI()) && "script".equals(name));
		}

		private static boolean hasChildElements(Element element) {
			for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
				if (child.getNodeType() == Node.ELEMENT_NODE) {
					return true;
				}
			}
			return false;
		}

		private static List<Element> elementsOf(Document document) {
			List<Element> elements = new ArrayList<>();
			collect(document.getDocumentElement(), elements);
			return elements;
		}

		private static void collect(Element element, List<Element> elements) {
			elements.add(element);
			for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
				if (child instanceof Element childElement) {
					collect(childElement, elements);
				}
			}
		}

		private static boolean isBlank(String value) {
			return value == null || value.isBlank();
		}

	}

}
