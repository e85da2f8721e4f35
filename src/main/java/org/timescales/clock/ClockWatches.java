package org.timescales.clock;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The watcher of each clock: one small process ({@code bpmn/deadlineWatch.bpmn}) started when a watched
 * clock opens, waiting at its three timers one after another (reminder, team manager, service manager),
 * and ended when the clock stops. The deadline pattern is modelled there once instead of on every
 * statutory task.
 */
@Component
class ClockWatches {

	/** The watcher's process key; it runs under the case reference as business key, like escalations. */
	static final String PROCESS_KEY = "deadlineWatch";

	/** Correlated to the watcher when its clock stops (met, met late or cancelled). */
	static final String CLOCK_STOPPED = "ClockStopped";

	static final String CLOCK_ID = "clockId";

	static final String RULE_ID = "ruleId";

	/** The work whose lateness an escalation names ("Decide on referral"): the watched activity's name. */
	static final String OVERDUE_TASK = "overdueTask";

	private final ClockLedger ledger;

	private final RuntimeService runtimeService;

	private final ManagementService managementService;

	private final IdentityService identityService;

	ClockWatches(ClockLedger ledger, RuntimeService runtimeService, ManagementService managementService,
			IdentityService identityService) {
		this.ledger = ledger;
		this.identityService = identityService;
		this.runtimeService = runtimeService;
		this.managementService = managementService;
	}

	/** Starts the clock's watcher unless it has one (an activity entered again while its clock runs on). */
	void start(ClockRecord clock, String overdueTask) {
		if (ledger.watchOf(clock.id()).isPresent()) {
			return;
		}
		String watch = runtimeService
			.startProcessInstanceByKey(PROCESS_KEY, clock.caseRef(),
					Map.of(CLOCK_ID, clock.id(), RULE_ID, clock.ruleId(), OVERDUE_TASK, overdueTask))
			.getId();
		ledger.watchedBy(clock.id(), watch);
	}

	/**
	 * The clock stopped: its watcher, if still waiting, ends without raising anything more. It ends as
	 * the transaction commits, after the rest of the work: a timer of the watcher firing meanwhile on
	 * another node then shows as a collision of the whole request (retried), as when the timers were on
	 * the task, rather than as a lock held on the watcher's rows while the request goes on.
	 */
	void end(long clockId) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			endNow(clockId);
			return;
		}
		@SuppressWarnings("unchecked")
		Set<Long> stopped = (Set<Long>) TransactionSynchronizationManager.getResource(this);
		if (stopped == null) {
			Set<Long> ending = new LinkedHashSet<>();
			TransactionSynchronizationManager.bindResource(this, ending);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void beforeCommit(boolean readOnly) {
					ending.forEach(ClockWatches.this::endNow);
				}

				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResourceIfPossible(ClockWatches.this);
				}
			});
			stopped = ending;
		}
		stopped.add(clockId);
	}

	// the watcher is the system's, not the user's whose work stopped the clock: no engine authorization
	// of theirs applies to it (inside a listener the engine checks none; at commit it would)
	private void endNow(long clockId) {
		ledger.watchOf(clockId).ifPresent(watch -> {
			Authentication caller = identityService.getCurrentAuthentication();
			identityService.clearAuthentication();
			try {
				runtimeService.createMessageCorrelation(CLOCK_STOPPED).processInstanceId(watch).correlateAll();
			}
			finally {
				if (caller != null) {
					identityService.setAuthentication(caller);
				}
			}
		});
	}

	/** The watcher's waiting timer, to re-evaluate after the clock's dates moved (the next ones read them when reached). */
	List<Job> timers(long clockId) {
		return ledger.watchOf(clockId)
			.map(watch -> managementService.createJobQuery().processInstanceId(watch).timers().list())
			.orElse(List.of());
	}

}
