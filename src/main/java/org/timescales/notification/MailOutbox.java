package org.timescales.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import static org.timescales.system.SqlTimes.instant;
import static org.timescales.system.SqlTimes.utc;

/**
 * The mail outbox: code that wants a mail sent queues it here, inside its own transaction, and
 * {@link OutboxDelivery} sends it later with retries. A mail server that is down, or not configured
 * yet, delays mail; it never loses it, and a rolled-back escalation never mails anyone.
 *
 * <p>The {@code mail_outbox} table is the notification module's: rows are queued here and claimed and
 * marked sent by {@link OutboxDelivery}; only this package queries it, others (the operations
 * module's backlog) ask this class.
 */
@Component
public class MailOutbox {

	static final int MAX_RECIPIENT = 320;
	static final int MAX_SUBJECT = 300;
	static final int MAX_BODY_TEXT = 20000;
	static final int MAX_BODY_HTML = 40000;
	static final int MAX_REFERENCE = 200;

	static final String COLUMNS = "id, recipient, subject, body_text, body_html, reference, created_at,"
			+ " next_attempt_at, attempts, sent_at, last_error, message_id";

	private final JdbcClient jdbc;
	private final Clock clock;

	public MailOutbox(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Queues a mail, due at once. Joins the caller's transaction (the engine runs delegates in a
	 * Spring transaction on the same DataSource), so the row commits or rolls back with the work that
	 * caused it; called outside a transaction, it commits on its own.
	 *
	 * @param bodyHtml null for a text-only mail
	 * @param reference what the mail is about, e.g. {@code escalation:42}; may be null
	 * @return the outbox id
	 */
	@Transactional
	public long queue(String recipient, String subject, String bodyText, String bodyHtml, String reference) {
		require(recipient != null && !recipient.isBlank() && recipient.length() <= MAX_RECIPIENT
				&& recipient.indexOf('@') > 0, "recipient must be an e-mail address, was: " + recipient);
		require(subject != null && !subject.isBlank(), "subject is required");
		require(bodyText != null, "bodyText is required");
		require(bodyText.length() <= MAX_BODY_TEXT, "bodyText is longer than " + MAX_BODY_TEXT);
		require(bodyHtml == null || bodyHtml.length() <= MAX_BODY_HTML, "bodyHtml is longer than " + MAX_BODY_HTML);
		require(reference == null || reference.length() <= MAX_REFERENCE, "reference is longer than " + MAX_REFERENCE);

		OffsetDateTime now = utc(clock.instant());
		String messageId = "<" + UUID.randomUUID() + "@timescales>";
		jdbc.sql("insert into mail_outbox (recipient, subject, body_text, body_html, reference, created_at,"
				+ " next_attempt_at, attempts, message_id) values (?, ?, ?, ?, ?, ?, ?, 0, ?)")
				.params(recipient.strip(), oneLine(subject), bodyText, bodyHtml, reference, now, now, messageId)
				.update();
		// Read back by the unique Message-ID: portable, unlike generated-key handling across drivers.
		return jdbc.sql("select id from mail_outbox where message_id = ?")
				.param(messageId)
				.query(Long.class)
				.single();
	}

	/** Newest first: in the order queued (the id), whatever the clock said then. */
	public List<OutboxMail> recent(int limit) {
		return jdbc.sql("select " + COLUMNS + " from mail_outbox order by id desc limit ?")
				.param(limit)
				.query(MailOutbox::map)
				.list();
	}

	public long unsentCount() {
		return jdbc.sql("select count(*) from mail_outbox where sent_at is null").query(Long.class).single();
	}

	/** When the oldest unsent mail was queued; empty when none is waiting. */
	public Optional<Instant> oldestUnsentQueuedAt() {
		return jdbc.sql("select min(created_at) from mail_outbox where sent_at is null")
				.query(OffsetDateTime.class)
				.optional()
				.map(OffsetDateTime::toInstant);
	}

	public Optional<OutboxMail> find(long id) {
		return jdbc.sql("select " + COLUMNS + " from mail_outbox where id = ?")
				.param(id)
				.query(MailOutbox::map)
				.optional();
	}

	static OutboxMail map(ResultSet rs, int row) throws SQLException {
		return new OutboxMail(rs.getLong("id"), rs.getString("recipient"), rs.getString("subject"),
				rs.getString("body_text"), rs.getString("body_html"), rs.getString("reference"),
				instant(rs, "created_at"), instant(rs, "next_attempt_at"), rs.getInt("attempts"),
				instant(rs, "sent_at"), rs.getString("last_error"), rs.getString("message_id"));
	}

	// A subject is one header line: folding stray line breaks keeps it from breaking the header block.
	private static String oneLine(String subject) {
		String line = subject.replaceAll("[\\r\\n\\t]+", " ").strip();
		return line.length() <= MAX_SUBJECT ? line : line.substring(0, MAX_SUBJECT - 1) + "…";
	}

	private static void require(boolean condition, String message) {
		if (!condition) {
			throw new IllegalArgumentException(message);
		}
	}

}
