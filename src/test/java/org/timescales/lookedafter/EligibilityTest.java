package org.timescales.lookedafter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * When a looked-after child becomes an eligible child (CPPCR reg 40): 13 weeks in all since the 14th
 * birthday, still looked after at 16. Born 1 March 2010: 14 on 1 March 2024, 16 on 1 March 2026.
 */
class EligibilityTest {

	private static final LocalDate BORN = LocalDate.parse("2010-03-01");

	@Test
	void aChildInCareSinceFourteenBecomesEligibleOnTheSixteenthBirthday() {
		assertThat(Eligibility.eligibleOn(BORN, List.of(), LocalDate.parse("2024-06-01"), "C2"))
			.isEqualTo("2026-03-01");
	}

	@Test
	void thirteenWeeksReachedTheDayBeforeSixteenMakeTheChildEligibleOnTheBirthday() {
		// 91 days from 30 November 2025 end on 1 March 2026
		assertThat(Eligibility.eligibleOn(BORN, List.of(), LocalDate.parse("2025-11-30"), "C2"))
			.isEqualTo("2026-03-01");
		// a day later into care: eligible the day after the birthday
		assertThat(Eligibility.eligibleOn(BORN, List.of(), LocalDate.parse("2025-12-01"), "C2"))
			.isEqualTo("2026-03-02");
	}

	@Test
	void aLateEntrantBecomesEligibleThirteenWeeksAfterComingIntoCare() {
		assertThat(Eligibility.eligibleOn(BORN, List.of(), LocalDate.parse("2026-06-01"), "V2"))
			.isEqualTo("2026-08-31");
	}

	@Test
	void earlierPeriodsSinceFourteenCountTowardsTheThirteenWeeks() {
		// 60 days in care at 15 (1 March to 30 April 2025), and 10 days before the 14th birthday that do not count
		List<Eligibility.Period> earlier = List.of(
				new Eligibility.Period(LocalDate.parse("2025-03-01"), LocalDate.parse("2025-04-30"), "V2"),
				new Eligibility.Period(LocalDate.parse("2024-02-20"), LocalDate.parse("2024-03-01"), "V2"));
		// back at 16 on 1 June 2026: 31 days more
		assertThat(Eligibility.eligibleOn(BORN, earlier, LocalDate.parse("2026-06-01"), "C2")).isEqualTo("2026-07-02");
		// a short break does not count
		List<Eligibility.Period> shortBreaks = List
			.of(new Eligibility.Period(LocalDate.parse("2025-03-01"), LocalDate.parse("2025-04-30"), "V3"));
		assertThat(Eligibility.eligibleOn(BORN, shortBreaks, LocalDate.parse("2026-06-01"), "C2"))
			.isEqualTo("2026-08-31");
		// already 13 weeks by then: eligible the day care begins again
		List<Eligibility.Period> longer = List
			.of(new Eligibility.Period(LocalDate.parse("2024-03-01"), LocalDate.parse("2025-03-01"), "C2"));
		assertThat(Eligibility.eligibleOn(BORN, longer, LocalDate.parse("2026-06-01"), "C2")).isEqualTo("2026-06-01");
	}

	@Test
	void noChildOnShortBreaksOrReachingEighteenFirstBecomesEligible() {
		assertThat(Eligibility.eligibleOn(BORN, List.of(), LocalDate.parse("2024-06-01"), "V4")).isNull();
		// 13 weeks from 2 December 2027 would be after the 18th birthday, 1 March 2028
		assertThat(Eligibility.eligibleOn(BORN, List.of(), LocalDate.parse("2027-12-02"), "C2")).isNull();
		assertThat(Eligibility.eligibleOn(BORN, List.of(), LocalDate.parse("2027-11-30"), "C2"))
			.isEqualTo("2028-02-29");
	}

}
