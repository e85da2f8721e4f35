package org.timescales.digest;

import java.util.TimeZone;

import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.timescales.calendar.London;

/**
 * Registers the morning digest with Quartz's clustered JDBC store: 08:00 London time, Monday to
 * Friday, whatever zone a node runs in and across clock changes.
 */
@Configuration(proxyBeanMethods = false)
public class DigestScheduling {

	public static final JobKey JOB_KEY = JobKey.jobKey("morning-digest", "timescales");

	public static final TriggerKey TRIGGER_KEY = TriggerKey.triggerKey("morning-digest", "timescales");

	/** The default schedule; {@code timescales.digest.cron} replaces it (a Quartz cron expression). */
	public static final String CRON = "0 0 8 ? * MON-FRI";

	@Bean
	JobDetail morningDigestJobDetail() {
		return JobBuilder.newJob(MorningDigestJob.class)
			.withIdentity(JOB_KEY)
			.withDescription("Sends the managers' morning digest")
			// durable: stays registered even if its trigger is replaced; recovery: a run cut short by a
			// node dying (its transaction rolled back) is re-run on another node
			.storeDurably()
			.requestRecovery()
			.build();
	}

	@Bean
	Trigger morningDigestTrigger(@Value("${timescales.digest.cron:" + CRON + "}") String cron) {
		return TriggerBuilder.newTrigger()
			.forJob(JOB_KEY)
			.withIdentity(TRIGGER_KEY)
			.withDescription("Morning digest (" + cron + ", Europe/London)")
			.withSchedule(CronScheduleBuilder.cronSchedule(cron)
				.inTimeZone(TimeZone.getTimeZone(London.ZONE))
				// after downtime over 08:00, send once when back rather than lose the day's digest
				.withMisfireHandlingInstructionFireAndProceed())
			.build();
	}

}
