package org.timescales.notification;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * Quartz job that delivers the outbox's due mail. Quartz's clustered store runs it on one node at a
 * time; {@link DisallowConcurrentExecution} keeps a slow run from overlapping the next one.
 */
@DisallowConcurrentExecution
public class OutboxDeliveryJob extends QuartzJobBean {

	private final OutboxDelivery delivery;

	// Spring's job factory creates each run's instance with constructor injection
	public OutboxDeliveryJob(OutboxDelivery delivery) {
		this.delivery = delivery;
	}

	@Override
	protected void executeInternal(JobExecutionContext context) {
		delivery.deliverDue();
	}

}
