package org.timescales.escalation;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.timescales.calendar.London;
import org.timescales.clock.ClockRecord;
import org.timescales.notification.MailTemplates;
import org.timescales.notification.MailTemplates.Mail;
import org.timescales.rules.Rule;
import org.timescales.rules.Rules;

/**
 * Reminder and escalation mails, rendered from {@code templates/mail/reminder.*} and
 * {@code escalation.*}. The model holds the case reference, never the child: a manager needs the
 * case and the deadline, and follows the link for the rest.
 */
@Component
class EscalationMails {

	private final Rules rules;

	private final MailTemplates templates;

	EscalationMails(Rules rules, MailTemplates templates) {
		this.rules = rules;
		this.templates = templates;
	}

	Mail reminder(ClockRecord clock) {
		Map<String, Object> model = model(clock);
		model.put("label", clock.label());
		return templates.render("reminder", model);
	}

	Mail escalation(ClockRecord clock, int tier, String overdueTask) {
		Map<String, Object> model = model(clock);
		model.put("tier", tier);
		model.put("overdueTask", overdueTask);
		model.put("secondTierAfter", String.valueOf(rules.get(clock.ruleId()).secondTierAfter()));
		model.put("startedOn", London.dateOf(clock.startedAt()));
		return templates.render("escalation", model);
	}

	private Map<String, Object> model(ClockRecord clock) {
		Rule rule = rules.get(clock.ruleId());
		Map<String, Object> model = new HashMap<>();
		model.put("caseRef", clock.caseRef());
		model.put("dueDate", clock.dueDate());
		model.put("interval", String.valueOf(rule.interval()));
		model.put("startsAt", rule.startsAt().toLowerCase(Locale.UK));
		model.put("source", rule.source());
		model.put("tasklistUrl", templates.tasklistUrl());
		model.put("caseUrl", templates.caseUrl(clock.caseRef()));
		return model;
	}

}
