package org.timescales.lookedafter;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.timescales.TimescalesTest;
import org.timescales.clock.ClockStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

/**
 * returnHomeInterview.bpmn: a child back from a missing episode is offered a return home interview
 * within 72 hours of the return, counted in hours across a bank holiday weekend; the offer ends it.
 */
@TimescalesTest
class ReturnHomeInterviewProcessTest extends LookedAfterTestSupport {

	@Test
	void aMissingEpisodeEndingOnTheFridayOfABankHolidayWeekendIsDue72HoursLaterOnTheMonday() {
		String caseRef = newCaseRef("RHI");
		lookedAfterFrom1December(caseRef, "2016-05-01");
		clockAt("2027-05-29T09:00:00Z");
		String rhi = lookedAfter.missingEpisode(caseRef, "2027-05-27T22:00:00", "2027-05-28T18:00:00");

		// 18:00 BST on Friday 28 May = 17:00 UTC; 72 hours on is 17:00 UTC on bank holiday Monday 31 May
		assertThat(due(rhi, "UserTask_OfferReturnHomeInterview")).isEqualTo("2027-05-31T17:00:00Z");
		assertThat(timerDue(rhi, "rhi", DUE_SOON)).isEqualTo("2027-05-30T17:00:00Z");
		assertThat(instance(rhi)).isWaitingAtExactly("UserTask_OfferReturnHomeInterview")
			.task()
			.hasCandidateGroup("north");
		clockAt("2027-05-31T17:00:30Z");
		executeDueJobs();
		assertThat(reviewTasks(caseRef, "tm.north")).extracting("name")
			.contains("Review overdue: Offer return home interview for " + caseRef);
		// escalated, the offer is still the worker's to make
		assertThat(instance(rhi)).isWaitingAtExactly("UserTask_OfferReturnHomeInterview");
	}

	@Test
	void anInterviewOfferedWithin72HoursIsMetAndEndsTheProcess() {
		String caseRef = newCaseRef("RHIM");
		lookedAfterFrom1December(caseRef, "2016-05-01");
		clockAt("2027-05-29T09:00:00Z");
		String rhi = lookedAfter.missingEpisode(caseRef, "2027-05-27T22:00:00", "2027-05-28T18:00:00");

		clockAt("2027-05-30T11:00:00Z");
		complete(rhi, "UserTask_OfferReturnHomeInterview",
				Map.of("rhiOfferedAt", "2027-05-30T11:00", "rhiAccepted", "yes", "rhiNotes", "Offered by phone"));

		assertThat(clock(rhi, "rhi").status()).isEqualTo(ClockStatus.MET);
		assertThat(instance(rhi)).hasPassed("UserTask_OfferReturnHomeInterview", "EndEvent_InterviewOffered").isEnded();
		assertThat(instance(watchOf(rhi, "rhi"))).hasPassed("EndEvent_WatchEnded")
			.hasNotPassed("ServiceTask_Overdue")
			.isEnded();
	}

}
