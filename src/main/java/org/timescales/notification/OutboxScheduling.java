package org.timescales.notification;

import java.time.Duration;

import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers outbox delivery with Quartz (picked up by Spring Boot's Quartz auto-configuration). The
 * job and trigger live in Quartz's clustered JDBC store, so however many nodes run, one delivers.
 */
@Configuration(proxyBeanMethods = false)
public class OutboxScheduling {

	public static final JobKey JOB_KEY = JobKey.jobKey("outbox-delivery", "timescales");
	public static final TriggerKey TRIGGER_KEY = TriggerKey.triggerKey("outbox-delivery", "timescales");

	@Bean
	JobDetail outboxDeliveryJobDetail() {
		return JobBuilder.newJob(OutboxDeliveryJob.class)
				.withIdentity(JOB_KEY)
				.withDescription("Delivers due mail from the mail outbox")
				// durable: stays registered even if its trigger is replaced; recovery: a run cut short
				// by a node dying is re-run on another node
				.storeDurably()
				.requestRecovery()
				.build();
	}

	@Bean
	Trigger outboxDeliveryTrigger(JobDetail outboxDeliveryJobDetail,
			@Value("${timescales.mail.delivery-interval:30s}") Duration interval) {
		return TriggerBuilder.newTrigger()
				.forJob(outboxDeliveryJobDetail)
				.withIdentity(TRIGGER_KEY)
				.withDescription("Outbox delivery every " + interval)
				.withSchedule(SimpleScheduleBuilder.simpleSchedule()
						.withIntervalInMilliseconds(interval.toMillis())
						.repeatForever()
						// after downtime, run once at once rather than replay every missed run
						.withMisfireHandlingInstructionNowWithExistingCount())
				.build();
	}

}
