package org.timescales.notification;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Admin page listing recent outbox mail, so anyone can see what is waiting and why. Shows who and
 * what (recipient, subject), never the body: the least personal data that answers the question.
 */
@Controller
public class OutboxController {

	static final int SHOWN = 200;
	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
			.withZone(ZoneId.of("Europe/London"));

	private final MailOutbox outbox;
	private final OutboxDelivery delivery;

	public OutboxController(MailOutbox outbox, OutboxDelivery delivery) {
		this.outbox = outbox;
		this.delivery = delivery;
	}

	@GetMapping("/admin/outbox")
	public String outbox(Model model) {
		List<Row> rows = outbox.recent(SHOWN).stream().map(Row::of).toList();
		model.addAttribute("mails", rows);
		model.addAttribute("unsentCount", outbox.unsentCount());
		model.addAttribute("mailServerConfigured", delivery.mailServerConfigured());
		model.addAttribute("shown", SHOWN);
		return "admin/outbox";
	}

	/** One table row, times already in London time. */
	public record Row(long id, String created, String recipient, String subject, String reference, int attempts,
			boolean sent, String sentAt, String nextAttempt, String lastError) {

		static Row of(OutboxMail mail) {
			return new Row(mail.id(), format(mail.createdAt()), mail.recipient(), mail.subject(), mail.reference(),
					mail.attempts(), mail.sent(), format(mail.sentAt()), format(mail.nextAttemptAt()),
					mail.lastError());
		}

		private static String format(Instant instant) {
			return instant == null ? null : TIME.format(instant);
		}

	}

}
