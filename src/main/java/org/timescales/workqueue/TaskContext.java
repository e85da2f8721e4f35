package org.timescales.workqueue;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

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
 */
@Component
class TaskContext {

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
		cases.findCase(caseRef)
			.ifPresent(child -> task.setVariableLocal("childName", child.givenName() + " " + child.familyName()));
		clockOf(task).ifPresent(clock -> {
			Rule rule = rules.get(clock.ruleId());
			task.setVariableLocal("clockLabel", clock.label());
			task.setVariableLocal("clockSource", rule.source());
			task.setVariableLocal("clockDue", rule.unit() == IntervalUnit.HOURS
					? DAY_AND_TIME.format(clock.dueAt().atZone(London.ZONE)) : DAY.format(clock.dueDate()));
		});
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
