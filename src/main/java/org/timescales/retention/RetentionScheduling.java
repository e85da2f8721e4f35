package org.timescales.retention;

import java.time.Clock;
import java.time.Duration;
import java.util.TimeZone;

import org.quartz.CronScheduleBuilder;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.quartz.QuartzJobBean;
import org.timescales.calendar.London;

/**
 * Nightly at 00:30 London time, on one node of the cluster: statutory retention for every case with
 * a process that ended in the last two days (two, so a night missed by downtime is caught up).
 */
@Configuration(proxyBeanMethods = false)
public class RetentionScheduling {

	public static final JobKey JOB_KEY = JobKey.jobKey("history-retention", "timescales");

	@Bean
	JobDetail retentionJobDetail() {
		return JobBuilder.newJob(RetentionJob.class)
			.withIdentity(JOB_KEY)
			.withDescription("Sets the statutory removal date on recently ended cases' history")
			.storeDurably()
			.requestRecovery()
			.build();
	}

	@Bean
	Trigger retentionTrigger() {
		return TriggerBuilder.newTrigger()
			.forJob(JOB_KEY)
			.withIdentity("history-retention", "timescales")
			.withSchedule(CronScheduleBuilder.cronSchedule("0 30 0 * * ?")
				.inTimeZone(TimeZone.getTimeZone(London.ZONE))
				.withMisfireHandlingInstructionFireAndProceed())
			.build();
	}

	/** The nightly run. */
	@DisallowConcurrentExecution
	public static class RetentionJob extends QuartzJobBean {

		private final Retention retention;

		private final Clock clock;

		public RetentionJob(Retention retention, Clock clock) {
			this.retention = retention;
			this.clock = clock;
		}

		@Override
		protected void executeInternal(JobExecutionContext context) {
			retention.applyToRecentlyEnded(clock.instant().minus(Duration.ofDays(2)));
		}

	}

}
