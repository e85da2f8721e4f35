package org.timescales.referral;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;
import org.timescales.casefile.CaseRepository;
import org.timescales.casefile.CensusCodes;
import org.timescales.casefile.ChildCase;
import org.timescales.casefile.ChildDetails;

import static org.timescales.referral.ReferralVariables.ASSESSMENT_FACTORS;
import static org.timescales.referral.ReferralVariables.ASSESSMENT_OUTCOME;
import static org.timescales.referral.ReferralVariables.CASE_REF;
import static org.timescales.referral.ReferralVariables.CHILD_DISABILITIES;
import static org.timescales.referral.ReferralVariables.PRIMARY_NEED_CODE;

/**
 * What the CIN census needs of a completed assessment, checked when the worker completes it
 * ({@code ${assessment.checkFindings(task)}} on the assessment task): the child's primary need (DfE
 * rule 8610: required for a referral that led to further action; 8650: a census code) and the
 * factors identified (8897Q: required for a completed assessment; 8869: 21 stands alone; 8898: no code
 * twice), and the child's disabilities (8540: required once the referral led to further action), shown
 * on the form as recorded ({@code ${assessment.showDisabilities(task)}} when the task is created) and
 * recorded on the child's case, audited, when the worker changes them. The factors are kept as the
 * census's codes joined by commas, whatever separators were typed.
 * A refusal names the field first, so Tasklist shows the worker the sentence (TasklistErrorMessages):
 * sentences here carry no apostrophe, which would end it.
 */
@Component("assessment")
public class AssessmentFindings {

	/** Outcomes that go on to social care services: 21, "no factors identified", cannot lead to them. */
	private static final Set<String> FURTHER_ACTION = Set.of("CIN_PLAN", "STRATEGY_DISCUSSION");

	private final CaseRepository cases;

	private final ChildDetails childDetails;

	private final IdentityService identityService;

	AssessmentFindings(CaseRepository cases, ChildDetails childDetails, IdentityService identityService) {
		this.cases = cases;
		this.childDetails = childDetails;
		this.identityService = identityService;
	}

	/** The child's disabilities as recorded, for the worker to confirm or correct on the form. */
	public void showDisabilities(DelegateTask task) {
		String recorded = cases.findCase(String.valueOf(task.getVariable(CASE_REF)))
			.map(ChildCase::disabilities)
			.map(codes -> String.join(", ", codes))
			.orElse("");
		// on the process, as the form's other fields: a task-local one would hide what the form submits
		task.setVariable(CHILD_DISABILITIES, recorded);
	}

	public void checkFindings(DelegateTask task) {
		Object need = task.getVariable(PRIMARY_NEED_CODE);
		String code = need instanceof String text ? text.strip().toUpperCase(Locale.ROOT) : null;
		if (code == null || !AssessmentCodes.PRIMARY_NEED.containsKey(code)) {
			throw new BadUserRequestException(PRIMARY_NEED_CODE
					+ ": choose the primary need the assessment found, one of the census codes N1 to N9");
		}
		task.setVariable(PRIMARY_NEED_CODE, code);
		List<String> factors = factors(task.getVariable(ASSESSMENT_FACTORS));
		if (factors.contains(AssessmentCodes.NO_FACTORS)
				&& FURTHER_ACTION.contains(String.valueOf(task.getVariable(ASSESSMENT_OUTCOME)))) {
			throw new BadUserRequestException(ASSESSMENT_FACTORS
					+ ": 21 (no factors identified) is only for an assessment that ends with no further action or early help;"
					+ " record the factors that lead to the plan or the strategy discussion");
		}
		task.setVariable(ASSESSMENT_FACTORS, String.join(",", factors));
		recordDisabilities(task);
	}

	private void recordDisabilities(DelegateTask task) {
		Object typed = task.getVariable(CHILD_DISABILITIES);
		List<String> codes = new ArrayList<>();
		for (String part : (typed == null ? "" : typed.toString()).split("[,;\\s]+")) {
			if (!part.isBlank()) {
				codes.add(part.strip().toUpperCase(Locale.ROOT));
			}
		}
		List<String> problems = CensusCodes.disabilityProblems(codes);
		if (!problems.isEmpty()) {
			throw new BadUserRequestException(CHILD_DISABILITIES + ": " + String.join("; ", problems));
		}
		Authentication signedIn = identityService.getCurrentAuthentication();
		String by = signedIn != null ? signedIn.getUserId() : String.valueOf(task.getAssignee());
		childDetails.recordDisabilities(String.valueOf(task.getVariable(CASE_REF)), codes, by,
				"Recorded on the assessment (" + task.getName() + ")");
	}

	/** The census codes typed, separated by commas, semicolons or spaces; refused with the reason. */
	static List<String> factors(Object value) {
		String typed = value == null ? "" : value.toString();
		List<String> codes = new ArrayList<>();
		for (String part : typed.split("[,;\\s]+")) {
			String code = part.strip().toUpperCase(Locale.ROOT);
			if (code.isEmpty()) {
				continue;
			}
			if (!AssessmentCodes.FACTORS.containsKey(code)) {
				throw new BadUserRequestException(ASSESSMENT_FACTORS + ": " + code
						+ " is not a census assessment factor code (the codes are listed above the field)");
			}
			if (codes.contains(code)) {
				throw new BadUserRequestException(ASSESSMENT_FACTORS + ": " + code + " is given twice");
			}
			codes.add(code);
		}
		if (codes.isEmpty()) {
			throw new BadUserRequestException(ASSESSMENT_FACTORS
					+ ": record the factors identified at assessment as census codes separated by commas (for example 3B, 4B), or 21 if none were identified");
		}
		if (codes.contains(AssessmentCodes.NO_FACTORS) && codes.size() > 1) {
			throw new BadUserRequestException(
					ASSESSMENT_FACTORS + ": 21 (no factors identified) cannot be given with other factors");
		}
		return codes;
	}

}
