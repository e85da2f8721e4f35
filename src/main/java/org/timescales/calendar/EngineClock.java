package org.timescales.calendar;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * The application's "now", read from the Camunda engine's clock. A test that moves the
 * engine clock (ClockUtil.setCurrentTime) to fire a timer moves this clock too, so the
 * engine and our code never disagree about the time: a test moves one clock, not two.
 */
@Component
public class EngineClock extends Clock {

	private final ZoneId zone;

	public EngineClock() {
		this(London.ZONE);
	}

	private EngineClock(ZoneId zone) {
		this.zone = Objects.requireNonNull(zone, "zone");
	}

	@Override
	public ZoneId getZone() {
		return zone;
	}

	/** The same engine time seen in another zone (not a fixed clock: it still follows ClockUtil). */
	@Override
	public Clock withZone(ZoneId newZone) {
		return zone.equals(newZone) ? this : new EngineClock(newZone);
	}

	@Override
	public Instant instant() {
		return ClockUtil.getCurrentTime().toInstant();
	}

	@Override
	public long millis() {
		return ClockUtil.getCurrentTime().getTime();
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof EngineClock that && zone.equals(that.zone);
	}

	@Override
	public int hashCode() {
		return zone.hashCode() + 1;
	}

	@Override
	public String toString() {
		return "EngineClock[" + zone + "]";
	}

}
