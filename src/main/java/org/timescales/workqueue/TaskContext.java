package org.timescales.workqueue;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.timescales.calendar.IntervalUnit;
import org.timescales.calendar.London;
import org.timescales.casefile.CaseRepository;
import org.timescales.clock.ClockLedger;
import org.timescales.clock.ClockRecord;
import org.timescales.rules.Rule;
import org.timescales.rules.Rules;

/**
 * What a worker needs to see on every task, in the Tasklist list and on its form: the child's name,
 * and the clock the task is working to — its label, its deadline and the law or practice behind it.
 * Set as task-local variables when the task is created (the engine publishes task events to Spring).
 * <p>
 * Each is set twice: as it is, for Tasklist's list (which shows it as text), and with an {@code md}
 * prefix for the forms' markdown. form-js inserts a {@code {{...}}} value into the markdown raw, renders
 * it with HTML allowed and keeps {@code <img src>}, links and headings, so a name recorded before names
 * were checked (or a label with a {@code :} or {@code _}) would render as markup. The forms show only
 * the {@code md} copies; being task-local and set here, nobody's change to them means anything.
 */
@Component
class TaskContext {

	/**
	 * Every task-local variable set here: copies, for display only, kept out of the engine's history
	 * ({@link DisplayVariablesOutOfHistory}).
	 */
	static final Set<String> DISPLAY_COPIES = Set.of("caseRef", "mdCaseRef", "mdCaseUrl", "childName", "mdChildName",
			"clockLabel", "mdClockLabel", "clockSource", "mdClockSource", "clockDue", "mdClockDue", "mdOverdueTask");

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);

	private static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm",
			Locale.UK);

	private final CaseRepository cases;

	private final ClockLedger clocks;

	private final Rules rules;

	TaskContext(CaseRepository cases, ClockLedger clocks, Rules rules) {
		this.cases = cases;
		this.clocks = clocks;
		this.rules = rules;
	}

	@EventListener(condition = "#task.eventName == 'create'")
	public void onCreate(DelegateTask task) {
		String caseRef = task.getExecution().getProcessBusinessKey();
		if (caseRef != null) {
			// task-local, like the rest: Tasklist's list reads a task's own variables, and nobody is granted the
			// process instance's (security.Access)
			shown(task, "caseRef", caseRef);
			// the form's heading links the case reference to the case page (oversight's /cases/{ref}); safe in
			// markdown as it is: only letters, digits, . _ - / and %XX
			copy(task, "mdCaseUrl", "/cases/" + pathSegment(caseRef));
		}
		cases.findCase(caseRef).ifPresent(child -> shown(task, "childName", child.givenName() + " " + child.familyName()));
		clockOf(task).ifPresent(clock -> {
			Rule rule = rules.get(clock.ruleId());
			shown(task, "clockLabel", clock.label());
			shown(task, "clockSource", rule.source());
			shown(task, "clockDue", rule.unit() == IntervalUnit.HOURS
					? DAY_AND_TIME.format(clock.dueAt().atZone(London.ZONE)) : DAY.format(clock.dueDate()));
		});
		if (task.getVariable("overdueTask") instanceof String overdueTask) {
			// a breach review names the overdue work in its form; the process variable itself stays as it is
			copy(task, "mdOverdueTask", markdownText(overdueTask));
		}
	}

	/** A case reference as a URL path segment: letters, digits and {@code . _ -} as they are, the rest percent-encoded. */
	private static String pathSegment(String caseRef) {
		StringBuilder out = new StringBuilder();
		for (byte b : caseRef.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
			char c = (char) (b & 0xff);
			if (c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-')) {
				out.append(c);
			}
			else {
				out.append('%').append(String.format("%02X", b & 0xff));
			}
		}
		return out.toString();
	}

	/** The value for the list, and its markdown-safe copy for the form. */
	private static void shown(DelegateTask task, String name, String value) {
		copy(task, name, value);
		copy(task, "md" + Character.toUpperCase(name.charAt(0)) + name.substring(1),
				value == null ? null : markdownText(value));
	}

	private static void copy(DelegateTask task, String name, String value) {
		if (!DISPLAY_COPIES.contains(name)) {
			// its history would be kept out by name: a new copy is listed there first
			throw new IllegalStateException("not a display copy: " + name);
		}
		task.setVariableLocal(name, value);
	}

	/**
	 * Text that markdown and HTML show as itself: letters (with their marks), digits and spaces as they
	 * are, a line break as a space, every other character as a numeric character reference ({@code <} as
	 * {@code &#60;}). marked leaves a reference alone and the browser shows the character, so no
	 * character can open a tag, emphasis, a heading, a link or a bare-URL autolink ({@code www.}, {@code :}).
	 */
	private static String markdownText(String text) {
		StringBuilder out = new StringBuilder(text.length() + 16);
		text.codePoints().forEach(c -> {
			int type = Character.getType(c);
			if (Character.isLetterOrDigit(c) || c == ' ' || type == Character.NON_SPACING_MARK
					|| type == Character.COMBINING_SPACING_MARK || type == Character.ENCLOSING_MARK) {
				out.appendCodePoint(c);
			}
			else if (Character.isWhitespace(c) || Character.isISOControl(c)) {
				out.append(' ');
			}
			else {
				out.append("&#").append(c).append(';');
			}
		});
		return out.toString();
	}

	/** The clock the task works to: the open one due when the task is, or the one a breach review is about. */
	private Optional<ClockRecord> clockOf(DelegateTask task) {
		Object escalatedClock = task.getVariable("clockId");
		if (escalatedClock instanceof Number id) {
			return clocks.find(id.longValue());
		}
		if (task.getDueDate() == null) {
			return Optional.empty();
		}
		return clocks.forProcessInstance(task.getProcessInstanceId())
			.stream()
			.filter(c -> c.isOpen() && c.dueAt().equals(task.getDueDate().toInstant()))
			.findFirst();
	}

}
