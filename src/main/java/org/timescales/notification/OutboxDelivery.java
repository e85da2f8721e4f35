package org.timescales.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import org.timescales.system.DatabaseUnavailable;

import static org.timescales.system.SqlTimes.utc;

/**
 * Sends the outbox's due mail; run by {@link OutboxDeliveryJob} on one node of the cluster at a time,
 * but safe on several at once: a mail is claimed by a conditional update before it is sent.
 *
 * <p>Per mail: (1) claim it in its own committed transaction, moving its next attempt to the backoff
 * time; (2) send it, outside any transaction; (3) mark it sent, or record the error and leave it for
 * the next attempt at the backoff time. Mail is never given up on: one that keeps failing stays
 * unsent, visible with its error at /admin/outbox.
 *
 * <p>The one residual window: if the node dies (or the database is lost for longer than half the
 * backoff: step 3 is retried that long) after the mail server accepted the mail but before step 3
 * commits, the mail is sent again after the backoff, with the same Message-ID, which receivers
 * de-duplicate. Likewise a send that takes longer than the backoff could
 * be claimed again, so SMTP timeouts must stay well under a minute.
 */
@Component
public class OutboxDelivery {

	private static final Logger log = LoggerFactory.getLogger(OutboxDelivery.class);

	static final int BATCH_SIZE = 50;
	static final Duration FIRST_BACKOFF = Duration.ofMinutes(1);
	static final Duration MAX_BACKOFF = Duration.ofHours(1);
	static final int MAX_ERROR = 1000;

	private final JdbcClient jdbc;
	private final TransactionTemplate ownTransaction;
	private final ObjectProvider<JavaMailSender> mailSender;
	private final Clock clock;
	private final String from;

	public OutboxDelivery(JdbcClient jdbc, PlatformTransactionManager transactionManager,
			ObjectProvider<JavaMailSender> mailSender, Clock clock,
			@Value("${timescales.mail.from:timescales@localhost}") String from) {
		this.jdbc = jdbc;
		this.ownTransaction = new TransactionTemplate(transactionManager);
		// each claim and each outcome commits on its own, even if a caller has a transaction open
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.mailSender = mailSender;
		this.clock = clock;
		this.from = from;
	}

	/** Whether a mail server is configured (spring.mail.host); without one, mail waits in the outbox. */
	public boolean mailServerConfigured() {
		return mailSender.getIfAvailable() != null;
	}

	/**
	 * Sends up to one batch of due mail, oldest first.
	 *
	 * @return how many mails were sent
	 */
	public int deliverDue() {
		JavaMailSender sender = mailSender.getIfAvailable();
		if (sender == null) {
			// no spring.mail.host: nothing is attempted, so attempts and backoff do not grow meanwhile
			return 0;
		}
		List<Long> due = jdbc.sql("select id from mail_outbox where sent_at is null and next_attempt_at <= ?"
				+ " order by next_attempt_at, id limit ?")
				.params(utc(clock.instant()), BATCH_SIZE)
				.query(Long.class)
				.list();
		int sent = 0;
		for (long id : due) {
			if (deliver(sender, id)) {
				sent++;
			}
		}
		return sent;
	}

	/** Backoff after the given attempt (1-based): 1, 2, 4, 8 … minutes, at most an hour. */
	static Duration backoff(int attempt) {
		int doublings = Math.max(0, attempt - 1);
		if (doublings >= 6) {
			return MAX_BACKOFF; // 2^6 = 64 minutes is already past the cap (and avoids overflow)
		}
		Duration backoff = FIRST_BACKOFF.multipliedBy(1L << doublings);
		return backoff.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff;
	}

	private boolean deliver(JavaMailSender sender, long id) {
		OutboxMail mail = ownTransaction.execute(status -> claim(id));
		if (mail == null) {
			return false; // sent or claimed meanwhile, by this node or another
		}
		try {
			sender.send(message -> compose(message, mail));
		}
		catch (RuntimeException e) {
			String error = describe(e);
			ownTransaction.executeWithoutResult(status -> jdbc.sql("update mail_outbox set last_error = ? where id = ?")
					.params(error, id)
					.update());
			log.warn("Outbox mail {} ({}) not sent, attempt {}; next attempt at {}: {}", id, mail.reference(),
					mail.attempts(), mail.nextAttemptAt(), error);
			return false;
		}
		markSent(mail);
		return true;
	}

	/**
	 * Records that the mail server has the mail. A database outage at this moment would leave it claimed
	 * but unsent, to go again after the backoff: so the write is retried for up to half the claim (at
	 * least 30 s), within which no node can take the row again. Only a longer outage, or this node dying
	 * now, sends it twice (with the same Message-ID).
	 */
	private void markSent(OutboxMail mail) {
		long giveUp = System.nanoTime() + Duration.between(clock.instant(), mail.nextAttemptAt()).dividedBy(2).toNanos();
		while (true) {
			try {
				ownTransaction.executeWithoutResult(status -> jdbc.sql("update mail_outbox set sent_at = ? where id = ?")
						.params(utc(clock.instant()), mail.id())
						.update());
				return;
			}
			catch (RuntimeException e) {
				if (!DatabaseUnavailable.causedBy(e) || System.nanoTime() > giveUp) {
					log.error("Outbox mail {} ({}) was sent but could not be recorded as sent; it will go again at {}"
							+ " with the same Message-ID: {}", mail.id(), mail.reference(), mail.nextAttemptAt(),
							describe(e));
					return;
				}
				try {
					Thread.sleep(1_000);
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}
	}

	/**
	 * Takes the mail for one attempt: counts the attempt and moves its next attempt to the backoff time
	 * in one conditional update, so of two nodes only one gets the row. Returns the mail as claimed, or
	 * null if it is no longer due.
	 */
	private OutboxMail claim(long id) {
		Instant now = clock.instant();
		OutboxMail mail = jdbc.sql("select " + MailOutbox.COLUMNS + " from mail_outbox"
				+ " where id = ? and sent_at is null and next_attempt_at <= ?")
				.params(id, utc(now))
				.query(MailOutbox::map)
				.optional()
				.orElse(null);
		if (mail == null) {
			return null;
		}
		int attempt = mail.attempts() + 1;
		Instant next = now.plus(backoff(attempt));
		// attempts = ? as well: the backoff was computed from the attempts read above
		int claimed = jdbc.sql("update mail_outbox set attempts = ?, next_attempt_at = ?"
				+ " where id = ? and attempts = ? and sent_at is null and next_attempt_at <= ?")
				.params(attempt, utc(next), id, mail.attempts(), utc(now))
				.update();
		if (claimed != 1) {
			return null;
		}
		return new OutboxMail(mail.id(), mail.recipient(), mail.subject(), mail.bodyText(), mail.bodyHtml(),
				mail.reference(), mail.createdAt(), next, attempt, null, mail.lastError(), mail.messageId());
	}

	private void compose(MimeMessage message, OutboxMail mail) throws MessagingException {
		boolean html = mail.bodyHtml() != null;
		MimeMessageHelper helper = new MimeMessageHelper(message, html, "UTF-8");
		helper.setFrom(from);
		helper.setTo(mail.recipient());
		helper.setSubject(mail.subject());
		if (html) {
			helper.setText(mail.bodyText(), mail.bodyHtml());
		}
		else {
			helper.setText(mail.bodyText());
		}
		// JavaMailSenderImpl keeps an explicit Message-ID, so every attempt carries the stored one
		message.setHeader("Message-ID", mail.messageId());
	}

	// The outer exception says what failed, the root cause why (e.g. "Connection refused").
	static String describe(Throwable e) {
		Throwable root = NestedExceptionUtils.getMostSpecificCause(e);
		String text = root == e ? e.toString() : e.getClass().getSimpleName() + ": " + root;
		return text.length() <= MAX_ERROR ? text : text.substring(0, MAX_ERROR - 1) + "…";
	}

}
