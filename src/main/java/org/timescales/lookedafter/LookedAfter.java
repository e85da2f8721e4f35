package org.timescales.lookedafter;

import java.time.LocalDate;
import java.time.Period;
import java.util.Map;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import org.timescales.clock.Clocks;
import org.timescales.refusal.InvalidRequestException;
import org.timescales.rules.TimescalesProperties;

import static org.timescales.lookedafter.LookedAfterVariables.*;

/** The looked-after pathway as BPMN calls it ({@code ${lookedAfter...}}). */
@Component("lookedAfter")
public class LookedAfter {

	private final LookedAfterService service;

	private final RuntimeService runtimeService;

	private final Clocks clocks;

	private final TimescalesProperties properties;

	LookedAfter(LookedAfterService service, RuntimeService runtimeService, Clocks clocks,
			TimescalesProperties properties) {
		this.service = service;
		this.runtimeService = runtimeService;
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

	/** A placement change restarts the visit cycle: the old placement's open visit clock is cancelled. */
	public void placementChanged(DelegateExecution execution) {
		clocks.cancel(execution, "cla-visit",
				"Placement changed: new placement from " + execution.getVariable(PLACEMENT_START_DATE));
	}

	/** Personal education plans are for children of school age on becoming looked after. */
	public boolean schoolAge(DelegateExecution execution) {
		int age = ageOn(execution, BECAME_LOOKED_AFTER_DATE);
		return age >= properties.lookedAfter().schoolAgeFrom() && age < properties.lookedAfter().schoolAgeTo();
	}

	/** A child of 16 or over who leaves care is a care leaver. */
	public boolean careLeaver(DelegateExecution execution) {
		return ageOn(execution, LEFT_CARE_DATE) >= 16;
	}

	/** Starts the care leaver's clocks: the pathway plan within 3 months of the 16th birthday. */
	public void startCareLeaver(DelegateExecution execution) {
		LocalDate dateOfBirth = LocalDate.parse(text(execution, DATE_OF_BIRTH));
		runtimeService.createMessageCorrelation(CARE_LEAVER_STARTED)
			.processInstanceBusinessKey(execution.getProcessBusinessKey())
			.setVariables(Map.of("caseRef", execution.getProcessBusinessKey(), "team", execution.getVariable("team"),
					DATE_OF_BIRTH, dateOfBirth.toString(), SIXTEENTH_BIRTHDAY, dateOfBirth.plusYears(16).toString(),
					LEFT_CARE_DATE, text(execution, LEFT_CARE_DATE)))
			.correlateStartMessage();
	}

	private static int ageOn(DelegateExecution execution, String dateVariable) {
		return Period.between(LocalDate.parse(text(execution, DATE_OF_BIRTH)), LocalDate.parse(text(execution, dateVariable)))
			.getYears();
	}

	private static String text(DelegateExecution execution, String variable) {
		Object value = execution.getVariable(variable);
		return value == null ? null : value.toString();
	}

}
