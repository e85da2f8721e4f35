package org.timescales.escalation;

import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import org.timescales.calendar.London;
import org.timescales.clock.ClockRecord;
import org.timescales.rules.Rule;
import org.timescales.rules.Rules;
import org.timescales.rules.TimescalesProperties;

/**
 * The text of reminder and escalation mails. They name the case by its reference, never the child:
 * a manager needs the case and the deadline, and follows the link for the rest.
 */
@Component
class EscalationMails {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);

	private final Rules rules;

	private final TimescalesProperties properties;

	EscalationMails(Rules rules, TimescalesProperties properties) {
		this.rules = rules;
		this.properties = properties;
	}

	record Mail(String subject, String text, String html) {
	}

	Mail reminder(ClockRecord clock) {
		Rule rule = rules.get(clock.ruleId());
		String subject = "Due soon: " + clock.label() + " for case " + clock.caseRef();
		String text = """
				%s for case %s is due by the end of %s.

				Timescale: %s from %s (%s).

				Open your work queue: %s
				""".formatted(clock.label(), clock.caseRef(), DAY.format(clock.dueDate()), rule.interval(),
				rule.startsAt().toLowerCase(Locale.UK), rule.source(), tasklistUrl());
		return new Mail(subject, text, html(text));
	}

	Mail escalation(ClockRecord clock, int tier, String overdueTask) {
		Rule rule = rules.get(clock.ruleId());
		String subject = (tier == 1 ? "Overdue: " : "Still overdue: ") + overdueTask + " for case " + clock.caseRef();
		String lateness = tier == 1 ? "passed its deadline at the end of " + DAY.format(clock.dueDate())
				: "is still open " + rule.secondTierAfter() + " after its deadline (the end of "
						+ DAY.format(clock.dueDate()) + ")";
		String text = """
				%s for case %s %s.

				Timescale: %s from %s, started %s (%s).

				A task "Review overdue: %s for %s" is in your work queue: record the reason for delay and the action agreed.
				%s
				""".formatted(overdueTask, clock.caseRef(), lateness, rule.interval(),
				rule.startsAt().toLowerCase(Locale.UK), DAY.format(London.dateOf(clock.startedAt())), rule.source(),
				overdueTask, clock.caseRef(), tasklistUrl());
		return new Mail(subject, text, html(text));
	}

	private String tasklistUrl() {
		return properties.publicUrl().resolve("/camunda/app/tasklist/").toString();
	}

	private static String html(String text) {
		StringBuilder html = new StringBuilder("<html><body>");
		for (String paragraph : text.strip().split("\n\n")) {
			html.append("<p>").append(HtmlUtils.htmlEscape(paragraph).replace("\n", "<br>")).append("</p>");
		}
		return html.append("</body></html>").toString();
	}

}
