package org.timescales.notification;

import java.time.Instant;

/**
 * One row of the mail outbox.
 *
 * @param reference what the mail is about, e.g. {@code escalation:42}; may be null
 * @param bodyHtml the HTML alternative; null for a text-only mail
 * @param nextAttemptAt when delivery may next be tried (after a failure: the backoff time)
 * @param sentAt null until the mail has gone out
 * @param lastError why the last attempt failed; kept after a later success as a record of the delay
 * @param messageId the Message-ID every attempt carries, e.g. {@code <uuid@timescales>}
 */
public record OutboxMail(long id, String recipient, String subject, String bodyText, String bodyHtml,
		String reference, Instant createdAt, Instant nextAttemptAt, int attempts, Instant sentAt,
		String lastError, String messageId) {

	public boolean sent() {
		return sentAt != null;
	}

}
