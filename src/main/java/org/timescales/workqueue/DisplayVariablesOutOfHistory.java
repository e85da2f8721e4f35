package org.timescales.workqueue;

import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps {@link TaskContext}'s display copies out of the engine's history. They are copies of what the
 * case, the clock ledger and the rules hold, set on each task as it is created and gone when it ends.
 * Their history (per copy an instance row and an update row, and when the task ends a select and an
 * update) is read by nobody: the case history and the returns read the case's own process variables and
 * the ledger. Issue 17's count: a referral inserted 80 rows, 22 of them the history of its task's 11
 * copies (docs/benchmark.md). Every other history event goes to the engine's handler as before.
 */
@Component
class DisplayVariablesOutOfHistory extends AbstractProcessEnginePlugin {

	@Override
	public void postInit(ProcessEngineConfigurationImpl configuration) {
		// after the engine made its handler (init); the engine reads it from the configuration per event
		configuration.setHistoryEventHandler(new WithoutDisplayCopies(configuration.getHistoryEventHandler()));
	}

	static boolean isDisplayCopy(HistoryEvent event) {
		return event instanceof HistoricVariableUpdateEventEntity variable && variable.getTaskId() != null
				&& TaskContext.DISPLAY_COPIES.contains(variable.getVariableName());
	}

	private record WithoutDisplayCopies(HistoryEventHandler engine) implements HistoryEventHandler {

		@Override
		public void handleEvent(HistoryEvent event) {
			if (!isDisplayCopy(event)) {
				engine.handleEvent(event);
			}
		}

		@Override
		public void handleEvents(List<HistoryEvent> events) {
			engine.handleEvents(events.stream().filter(event -> !isDisplayCopy(event)).toList());
		}

	}

}
