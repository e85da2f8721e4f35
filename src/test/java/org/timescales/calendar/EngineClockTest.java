package org.timescales.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EngineClockTest {

	private final EngineClock clock = new EngineClock();

	@AfterEach
	void resetEngineClock() {
		ClockUtil.reset();
	}

	@Test
	void movingTheEngineClockMovesTheApplicationClock() {
		Instant later = Instant.parse("2027-01-29T00:00:00Z");
		ClockUtil.setCurrentTime(Date.from(later));
		assertThat(clock.instant()).isEqualTo(later);
		assertThat(clock.millis()).isEqualTo(later.toEpochMilli());
		assertThat(LocalDate.now(clock)).isEqualTo(LocalDate.of(2027, 1, 29));
	}

	@Test
	void theClockIsInLondonAndAnotherZoneStillFollowsTheEngine() {
		assertThat(clock.getZone()).isEqualTo(ZoneId.of("Europe/London"));
		Clock utc = clock.withZone(ZoneOffset.UTC);
		Instant summerMidnight = Instant.parse("2026-06-30T23:30:00Z");
		ClockUtil.setCurrentTime(Date.from(summerMidnight));
		assertThat(utc.instant()).isEqualTo(summerMidnight);
		assertThat(LocalDate.now(utc)).isEqualTo(LocalDate.of(2026, 6, 30));
		assertThat(LocalDate.now(clock)).isEqualTo(LocalDate.of(2026, 7, 1));
	}

}
