package org.timescales;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;

/**
 * One child's way through the pathway as the tests walk it: referral, decision, assessment, strategy
 * discussion, section 47 enquiry, initial conference, child protection plan. Each step records what the
 * worker enters on that task's form, dated as the step is told, at the engine time last set with
 * {@link #at} or {@link #on}, and returns the process instance the next step works in. A test that is
 * about one of these steps completes it itself; a test that only needs a case at a stage walks here.
 */
public final class CaseJourney {

	private final ProcessTestSupport test;

	private final String caseRef;

	CaseJourney(ProcessTestSupport test, String caseRef) {
		this.test = test;
		this.caseRef = caseRef;
	}

	public String caseRef() {
		return caseRef;
	}

	/** Moves the engine clock to the instant (ISO-8601, UTC): the next steps are recorded then. */
	public CaseJourney at(String instant) {
		ProcessTestSupport.clockAt(instant);
		return this;
	}

	/** Moves the engine clock to 17:00 UTC on the day: work recorded at the end of that day. */
	public CaseJourney on(String date) {
		ProcessTestSupport.clockAt(LocalDate.parse(date).atTime(17, 0).toInstant(ZoneOffset.UTC));
		return this;
	}

	/** A referral for the north team received at the London date-time: the referral's instance. */
	public String referred(String receivedAt) {
		return test.referral(caseRef, receivedAt).referral().processInstanceId();
	}

	/** The decision, dated, to assess: the referral's instance, now waiting for the assessment. */
	public String decidedToAssess(String referral, String decisionDate) {
		test.complete(referral, "UserTask_DecideOnReferral", Map.of("referralDecision", "ASSESSMENT",
				"referralDecisionDate", decisionDate, "decisionRationale", "Concerns about neglect need assessing"));
		return referral;
	}

	/** The decision, dated, that significant harm is suspected: the section 47 instance it starts. */
	public String decidedOnStrategyDiscussion(String referral, String decisionDate) {
		test.complete(referral, "UserTask_DecideOnReferral", Map.of("referralDecision", "STRATEGY_DISCUSSION",
				"referralDecisionDate", decisionDate, "decisionRationale", "Injury unexplained"));
		return running("section47");
	}

	/**
	 * An assessment started on the date finds significant harm and is authorised on the other: the
	 * section 47 instance it starts.
	 */
	public String assessedAsNeedingStrategyDiscussion(String referral, String startDate, String authorisedDate) {
		test.complete(referral, "UserTask_CompleteAssessment", Map.of("assessmentStartDate", startDate,
				"assessmentOutcome", "STRATEGY_DISCUSSION", "primaryNeedCode", "N1", "assessmentFactors", "3B", "assessmentSummary", "Disclosure during assessment"));
		test.complete(referral, "UserTask_AuthoriseAssessment", Map.of("assessmentAuthorised", true,
				"assessmentAuthorisedDate", authorisedDate, "managerComments", "Agreed: strategy discussion"));
		return running("section47");
	}

	/**
	 * Significant harm suspected at the instant outside a referral (a new concern, a plan stepping up):
	 * the section 47 instance, waiting for the strategy discussion.
	 */
	public String strategyDiscussionRequested(String requestedAt) {
		return test.startByMessage("StrategyDiscussionNeeded", caseRef,
				Map.of("strategyDiscussionRequestedAt", Date.from(Instant.parse(requestedAt))));
	}

	/** The strategy discussion held at the London date-time agrees a section 47 enquiry. */
	public String enquiryAgreed(String section47, String discussionAt) {
		test.complete(section47, "UserTask_HoldStrategyDiscussion", Map.of("strategyDiscussionAt", discussionAt,
				"s47Decision", "yes", "strategyDiscussionSummary", "Police and health agree: enquiry"));
		return section47;
	}

	/** The child seen alone at the London date-time. */
	public String childSeen(String section47, String seenAt) {
		test.complete(section47, "UserTask_SeeTheChild",
				Map.of("childSeenAt", seenAt, "seenAlone", "yes", "visitNotes", "Seen at home, alone"));
		return section47;
	}

	/** The enquiry completed on the date, finding that an initial conference is needed. */
	public String conferenceNeeded(String section47, String completedDate) {
		test.complete(section47, "UserTask_CompleteSection47Enquiry", Map.of("s47CompletedDate", completedDate,
				"s47Outcome", "ICPC", "enquirySummary", "Significant harm substantiated"));
		return section47;
	}

	/** The initial conference on the date agrees a plan: the child protection plan's instance. */
	public String planAgreed(String section47, String icpcDate, String categoryOfAbuse) {
		test.complete(section47, "UserTask_HoldInitialConference",
				Map.of("icpcDate", icpcDate, "planRequired", "yes", "categoryOfAbuse", categoryOfAbuse));
		return running("childProtectionPlan");
	}

	/** The case's one running instance of the process (a case may have had earlier ones). */
	public String running(String processKey) {
		ProcessInstance instance = test.runtimeService.createProcessInstanceQuery()
			.processDefinitionKey(processKey)
			.processInstanceBusinessKey(caseRef)
			.singleResult();
		if (instance == null) {
			throw new AssertionError("No running " + processKey + " for " + caseRef);
		}
		return instance.getId();
	}

}
