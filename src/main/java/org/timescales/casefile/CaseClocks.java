package org.timescales.casefile;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Component;
import org.timescales.clock.ClockLedger;
import org.timescales.clock.ClockRecord;
import org.timescales.escalation.EscalationLedger;

/** A case's clocks with their escalations, as the API shows them. */
@Component
public class CaseClocks {

	private final ClockLedger clocks;

	private final EscalationLedger escalations;

	private final Clock clock;

	CaseClocks(ClockLedger clocks, EscalationLedger escalations, Clock clock) {
		this.clocks = clocks;
		this.escalations = escalations;
		this.clock = clock;
	}

	public List<ClockView> ofCase(String caseRef) {
		return views(clocks.forCase(caseRef));
	}

	public List<ClockView> ofProcessInstance(String processInstanceId) {
		return views(clocks.forProcessInstance(processInstanceId));
	}

	private List<ClockView> views(List<ClockRecord> records) {
		return records.stream().map(c -> ClockView.of(c, escalations.forClock(c.id()), clock)).toList();
	}

}
