package org.timescales.lookedafter;

import java.time.LocalDate;
import java.time.Period;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.stereotype.Component;
import org.timescales.calendar.London;
import org.timescales.calendar.SchoolAge;
import org.timescales.clock.Clocks;
import org.timescales.refusal.InvalidRequestException;
import org.timescales.rules.TimescalesProperties;

import static org.timescales.lookedafter.LookedAfterVariables.*;

/** The looked-after pathway as BPMN calls it ({@code ${lookedAfter...}}). */
@Component("lookedAfter")
public class LookedAfter {

	private final LookedAfterService service;

	private final RuntimeService runtimeService;

	private final HistoryService historyService;

	private final Clocks clocks;

	private final TimescalesProperties properties;

	LookedAfter(LookedAfterService service, RuntimeService runtimeService, HistoryService historyService,
			Clocks clocks, TimescalesProperties properties) {
		this.service = service;
		this.runtimeService = runtimeService;
		this.historyService = historyService;
		this.clocks = clocks;
		this.properties = properties;
	}

	/** A review or conference decided the child becomes looked after, with the dates on its form. */
	public void start(DelegateExecution execution) {
		try {
			service.becomeLookedAfter(execution.getProcessBusinessKey(), text(execution, BECAME_LOOKED_AFTER_DATE),
					text(execution, PLACEMENT_START_DATE), text(execution, LEGAL_STATUS), null);
		}
		catch (InvalidRequestException ex) {
			throw new BadUserRequestException(ex.getMessage());
		}
	}

	/**
	 * A placement change: the old placement's open visit clock is cancelled (visits restart from the new
	 * placement), and so is its placement plan's if it was never prepared (the new placement needs its own).
	 */
	public void placementChanged(DelegateExecution execution) {
		String reason = "Placement changed: new placement from " + execution.getVariable(PLACEMENT_START_DATE);
		clocks.cancel(execution, "cla-visit", reason);
		clocks.cancel(execution, "placement-plan", reason);
	}

	// ---- personal education plans: every looked-after child of compulsory school age

	/** Of school age on becoming looked after: the plan is due from then. */
	public boolean schoolAge(DelegateExecution execution) {
		LocalDate became = date(execution, BECAME_LOOKED_AFTER_DATE);
		return !became.isBefore(educationFrom(execution)) && !became.isAfter(leavingDate(execution));
	}

	/** Too young on becoming looked after: the plan is due from reaching school age. */
	public boolean belowSchoolAge(DelegateExecution execution) {
		return date(execution, BECAME_LOOKED_AFTER_DATE).isBefore(educationFrom(execution));
	}

	/** The timer that starts the plan of a child who reaches school age while looked after. */
	public Date reachesSchoolAgeAt(DelegateExecution execution) {
		return Date.from(London.toInstant(educationFrom(execution).toString()));
	}

	/** The timer fired: the plan's clock starts on the day the child reached school age. */
	public void reachedSchoolAge(DelegateExecution execution) {
		execution.setVariable(REACHED_SCHOOL_AGE_DATE, educationFrom(execution).toString());
	}

	/**
	 * From when a plan is due: compulsory school age (Education Act 1996 s.8) or, tighter as configured
	 * ({@code timescales.looked-after.pep-from-reception}), the start of the reception year.
	 */
	private LocalDate educationFrom(DelegateExecution execution) {
		LocalDate dateOfBirth = date(execution, DATE_OF_BIRTH);
		return properties.lookedAfter().pepFromReception() ? SchoolAge.receptionFrom(dateOfBirth)
				: SchoolAge.compulsoryFrom(dateOfBirth);
	}

	private static LocalDate leavingDate(DelegateExecution execution) {
		return SchoolAge.leavingDate(date(execution, DATE_OF_BIRTH));
	}

	// ---- the eligible child's needs assessment and pathway plan (CPPCR regs 40-43)

	/** Whether the child becomes an eligible child if still looked after on {@link #eligibleAt}. */
	public boolean mayBecomeEligible(DelegateExecution execution) {
		return eligibleOn(execution) != null;
	}

	/** The timer that starts the pathway plan's clock: the day the child becomes eligible. */
	public Date eligibleAt(DelegateExecution execution) {
		return Date.from(London.toInstant(eligibleOn(execution).toString()));
	}

	/** The timer fired: the child is an eligible child from that day (reg 42's 3 months count from it). */
	public void becameEligible(DelegateExecution execution) {
		execution.setVariable(BECAME_ELIGIBLE_DATE, eligibleOn(execution).toString());
	}

	private LocalDate eligibleOn(DelegateExecution execution) {
		return Eligibility.eligibleOn(date(execution, DATE_OF_BIRTH),
				earlierPeriods(execution.getProcessBusinessKey(), execution.getProcessInstanceId()),
				date(execution, BECAME_LOOKED_AFTER_DATE), text(execution, LEGAL_STATUS));
	}

	/** The child's earlier periods of care: the ended looked-after processes of the case. */
	private List<Eligibility.Period> earlierPeriods(String caseRef, String processInstanceId) {
		String[] ended = historyService.createHistoricProcessInstanceQuery()
			.processDefinitionKey(PROCESS_KEY)
			.processInstanceBusinessKey(caseRef)
			.finished()
			.list()
			.stream()
			.map(HistoricProcessInstance::getId)
			.filter(id -> !id.equals(processInstanceId))
			.toArray(String[]::new);
		if (ended.length == 0) {
			return List.of();
		}
		Map<String, Map<String, Object>> byInstance = new HashMap<>();
		for (HistoricVariableInstance v : historyService.createHistoricVariableInstanceQuery()
			.processInstanceIdIn(ended)
			.variableNameIn(BECAME_LOOKED_AFTER_DATE, LEFT_CARE_DATE, LEGAL_STATUS)
			.list()) {
			if (v.getValue() != null) {
				byInstance.computeIfAbsent(v.getProcessInstanceId(), id -> new HashMap<>()).put(v.getName(), v.getValue());
			}
		}
		return byInstance.values()
			.stream()
			.map(vars -> new Eligibility.Period(dateOrNull(vars.get(BECAME_LOOKED_AFTER_DATE)),
					dateOrNull(vars.get(LEFT_CARE_DATE)), (String) vars.get(LEGAL_STATUS)))
			.toList();
	}

	// ---- leaving care

	/** A child of 16 or over who leaves care is a care leaver. */
	public boolean careLeaver(DelegateExecution execution) {
		return ageOn(execution, LEFT_CARE_DATE) >= 16;
	}

	/**
	 * Starts the care leaver process. An eligible child's pathway plan goes with them: its reviews carry on
	 * from the last plan or review made while looked after, or, if none was made yet, the plan is still due
	 * 3 months from becoming eligible (the same clock, never a new one from the 16th birthday). A child who
	 * left care before becoming eligible (a qualifying care leaver, s.24) has no pathway plan.
	 */
	public void startCareLeaver(DelegateExecution execution) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("caseRef", execution.getProcessBusinessKey());
		variables.put("team", execution.getVariable("team"));
		variables.put(DATE_OF_BIRTH, text(execution, DATE_OF_BIRTH));
		variables.put(LEFT_CARE_DATE, text(execution, LEFT_CARE_DATE));
		LocalDate eligible = eligibleOn(execution);
		if (eligible != null && !eligible.isAfter(date(execution, LEFT_CARE_DATE))) {
			// an instance started before eligibility was tracked has no becameEligibleDate: the same day, worked out
			variables.put(BECAME_ELIGIBLE_DATE, eligible.toString());
			for (String planDate : List.of(PATHWAY_PLAN_DATE, PATHWAY_PLAN_REVIEW_DATE)) {
				if (execution.getVariable(planDate) != null) {
					variables.put(planDate, dateOrNull(execution.getVariable(planDate)).toString());
				}
			}
		}
		runtimeService.createMessageCorrelation(CARE_LEAVER_STARTED)
			.processInstanceBusinessKey(execution.getProcessBusinessKey())
			.setVariables(variables)
			.correlateStartMessage();
	}

	/**
	 * The care leaver's pathway plan, as the careLeaver process's first gateway asks: {@code REVIEW} (made
	 * while looked after, its reviews go on), {@code PREPARE} (eligible, not yet made) or {@code NONE} (never
	 * an eligible child).
	 */
	public String leavingCarePlan(DelegateExecution execution) {
		if (execution.getVariable(PATHWAY_PLAN_DATE) != null) {
			return "REVIEW";
		}
		return execution.getVariable(BECAME_ELIGIBLE_DATE) != null ? "PREPARE" : "NONE";
	}

	private static int ageOn(DelegateExecution execution, String dateVariable) {
		return Period.between(date(execution, DATE_OF_BIRTH), date(execution, dateVariable)).getYears();
	}

	private static LocalDate date(DelegateExecution execution, String variable) {
		return LocalDate.parse(text(execution, variable));
	}

	private static LocalDate dateOrNull(Object value) {
		return value == null ? null : London.dateOf(London.toInstant(value));
	}

	private static String text(DelegateExecution execution, String variable) {
		Object value = execution.getVariable(variable);
		return value == null ? null : value.toString();
	}

}
