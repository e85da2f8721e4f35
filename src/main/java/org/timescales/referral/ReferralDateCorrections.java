package org.timescales.referral;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.timescales.casefile.ReferralDates;
import org.timescales.clock.EventDateCorrected;

import static org.timescales.referral.ReferralVariables.REFERRAL_RECEIVED_AT;

/**
 * One correction path for the date a referral was received: the clock module corrects the process's
 * variable and its clocks and says so; the referral record follows, in the same transaction.
 */
@Component
class ReferralDateCorrections {

	private final ReferralDates referralDates;

	ReferralDateCorrections(ReferralDates referralDates) {
		this.referralDates = referralDates;
	}

	@EventListener
	void on(EventDateCorrected corrected) {
		if (REFERRAL_RECEIVED_AT.equals(corrected.variable())) {
			referralDates.correctReceipt(corrected.caseRef(), corrected.processInstanceId(), corrected.from(),
					corrected.to());
		}
	}

}
