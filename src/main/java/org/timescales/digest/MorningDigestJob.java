package org.timescales.digest;

import java.time.Clock;
import java.time.LocalDate;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.quartz.QuartzJobBean;
import org.timescales.calendar.London;
import org.timescales.calendar.WorkingCalendar;

/**
 * Quartz job that sends the morning digest. The cron trigger fires Monday to Friday; bank holidays
 * are for the job to skip, as Quartz does not know them. {@link DisallowConcurrentExecution} holds
 * across the cluster, and the digest's own table makes a second run that day do nothing.
 */
@DisallowConcurrentExecution
public class MorningDigestJob extends QuartzJobBean {

	private static final Logger log = LoggerFactory.getLogger(MorningDigestJob.class);

	private final MorningDigest digest;

	private final WorkingCalendar calendar;

	private final Clock clock;

	// Spring's job factory creates each run's instance with constructor injection
	public MorningDigestJob(MorningDigest digest, WorkingCalendar calendar, Clock clock) {
		this.digest = digest;
		this.calendar = calendar;
		this.clock = clock;
	}

	@Override
	protected void executeInternal(JobExecutionContext context) {
		LocalDate today = London.dateOf(clock.instant());
		if (!calendar.isWorkingDay(today)) {
			log.info("No morning digest on {}: not a working day", today);
			return;
		}
		digest.sendDigest(today);
	}

}
