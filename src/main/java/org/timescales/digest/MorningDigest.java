package org.timescales.digest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.timescales.calendar.London;
import org.timescales.calendar.WorkingCalendar;
import org.timescales.clock.OpenClocks;
import org.timescales.escalation.EscalationLedger;
import org.timescales.notification.MailOutbox;
import org.timescales.oversight.Caseloads;
import org.timescales.notification.MailTemplates;
import org.timescales.notification.MailTemplates.Mail;
import org.timescales.rules.TimescalesProperties;
import org.timescales.rules.TimescalesProperties.Service;
import org.timescales.team.Teams;

import static org.timescales.system.SqlTimes.instant;
import static org.timescales.system.SqlTimes.utc;

/**
 * The managers' morning digest: one mail per team manager and service manager listing, for each team
 * they manage, the breaches raised since the last digest (repeats that were not mailed on their own
 * apart) and the clocks that fall due today. Nothing to report, no mail.
 *
 * <p>Once a day whatever the number of nodes: the day's {@code morning_digest} row is inserted in the
 * same transaction that queues the mail, so a second node (or a second run) hits the primary key and
 * its transaction, mail and all, rolls back.
 *
 * <p>The {@code morning_digest} table is the digest module's: its rows are written here, and only this
 * package queries it. The breaches and the clocks due come from their owners ({@link EscalationLedger},
 * {@link OpenClocks}).
 */
@Component
public class MorningDigest {

	private static final Logger log = LoggerFactory.getLogger(MorningDigest.class);

	// the window of the very first digest, when there is no previous one to start from
	static final Duration FIRST_WINDOW = Duration.ofHours(24);

	private final JdbcClient jdbc;

	private final EscalationLedger escalations;

	private final OpenClocks openClocks;

	private final MailOutbox outbox;

	private final MailTemplates templates;

	private final Caseloads caseloads;

	private final Teams teams;

	private final TimescalesProperties properties;

	private final WorkingCalendar calendar;

	private final TransactionTemplate ownTransaction;

	private final Clock clock;

	MorningDigest(JdbcClient jdbc, EscalationLedger escalations, OpenClocks openClocks, MailOutbox outbox,
			MailTemplates templates, Teams teams, TimescalesProperties properties, WorkingCalendar calendar,
			PlatformTransactionManager transactionManager, Caseloads caseloads, Clock clock) {
		this.caseloads = caseloads;
		this.jdbc = jdbc;
		this.escalations = escalations;
		this.openClocks = openClocks;
		this.outbox = outbox;
		this.templates = templates;
		this.teams = teams;
		this.properties = properties;
		this.calendar = calendar;
		this.ownTransaction = new TransactionTemplate(transactionManager);
		// the day's row and its mail commit or roll back together, whatever the caller has open
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	/** A breach in the digest: the case, the overdue work, the tier, its deadline and how late it is. */
	public record Breach(String caseRef, String task, int tier, LocalDate dueDate, int workingDaysLate,
			String caseUrl) {
	}

	/** A clock falling due today. */
	public record Due(String caseRef, String label, String caseUrl) {
	}

	/** One team's part of a digest. */
	public record TeamSection(String name, List<Breach> breaches, List<Breach> repeated, List<Due> dueToday,
			List<Caseloads.Unallocated> unallocated) {

		boolean isEmpty() {
			return breaches.isEmpty() && repeated.isEmpty() && dueToday.isEmpty();
		}

		/** The first {@code rows} of each list, and how many more there are. */
		Shown shown(int rows) {
			List<Breach> newShown = first(breaches, rows);
			List<Breach> repeatedShown = first(repeated, rows);
			List<Due> dueShown = first(dueToday, rows);
			List<Caseloads.Unallocated> unallocatedShown = first(unallocated, rows);
			return new Shown(name, newShown, breaches.size() - newShown.size(), repeatedShown,
					repeated.size() - repeatedShown.size(), dueShown, dueToday.size() - dueShown.size(), unallocatedShown,
					unallocated.size() - unallocatedShown.size());
		}

		private static <T> List<T> first(List<T> list, int rows) {
			return list.subList(0, Math.min(rows, list.size()));
		}

	}

	/**
	 * A team's part as a mail shows it: on a day of many breaches a list stops after a few rows and says
	 * how many more there are (the oversight page has them all), so a digest stays readable and within
	 * the outbox's size.
	 */
	public record Shown(String name, List<Breach> breaches, int moreBreaches, List<Breach> repeated, int moreRepeated,
			List<Due> dueToday, int moreDueToday, List<Caseloads.Unallocated> unallocated, int moreUnallocated) {
	}

	/** Rows a digest mail lists in all, shared between its teams' lists (at least 2 a list). */
	static final int ROWS_PER_MAIL = 45;

	/**
	 * Sends the digest of a day, once: nothing on a day that is not a working day, nothing if the day's
	 * digest was already sent (here or on another node).
	 *
	 * @return how many mails were queued
	 */
	public int sendDigest(LocalDate day) {
		if (!calendar.isWorkingDay(day)) {
			log.info("No morning digest on {}: not a working day", day);
			return 0;
		}
		Integer queued = ownTransaction.execute(status -> {
			if (sentOn(day)) {
				return 0;
			}
			Instant now = clock.instant();
			Instant since = previousSentAt(day).orElse(now.minus(FIRST_WINDOW));
			try {
				// first, so a second node waits here on the key rather than after building its mail
				jdbc.sql("insert into morning_digest (digest_date, sent_at) values (?, ?)").params(day, utc(now)).update();
			}
			catch (DuplicateKeyException sentByAnotherNode) {
				status.setRollbackOnly();
				log.info("Morning digest for {} already sent by another node", day);
				return 0;
			}
			return queue(day, since, now);
		});
		return queued == null ? 0 : queued;
	}

	private int queue(LocalDate day, Instant since, Instant now) {
		Map<String, TeamSection> sections = sections(day, since, now);
		int queued = 0;
		for (Map.Entry<String, Set<String>> manager : managers().entrySet()) {
			// one mail per address: a manager without one of their own gets each team's part at its mailbox
			Map<String, List<TeamSection>> byAddress = new LinkedHashMap<>();
			for (String teamId : manager.getValue()) {
				TeamSection section = sections.get(teamId);
				if (section != null && !section.isEmpty()) {
					byAddress.computeIfAbsent(teams.emailOf(manager.getKey(), teamId), a -> new ArrayList<>()).add(section);
				}
			}
			for (Map.Entry<String, List<TeamSection>> mail : byAddress.entrySet()) {
				Mail digest = render(day, mail.getValue());
				outbox.queue(mail.getKey(), digest.subject(), digest.text(), digest.html(),
						"digest:" + day + ":" + manager.getKey());
				queued++;
			}
		}
		log.info("Morning digest for {}: {} mails (breaches raised after {})", day, queued, since);
		return queued;
	}

	private Mail render(LocalDate day, List<TeamSection> sections) {
		Map<String, Object> model = new HashMap<>();
		model.put("day", day);
		int rows = Math.max(2, ROWS_PER_MAIL / (3 * sections.size()));
		model.put("teams", sections.stream().map(section -> section.shown(rows)).toList());
		model.put("oversightUrl", templates.oversightUrl());
		model.put("newBreaches", sections.stream().mapToInt(s -> s.breaches().size() + s.repeated().size()).sum());
		model.put("dueToday", sections.stream().mapToInt(s -> s.dueToday().size()).sum());
		model.put("tasklistUrl", templates.tasklistUrl());
		return templates.render("digest", model);
	}

	/** Each configured team's part: breaches raised in (since, now], open clocks due on the day. */
	private Map<String, TeamSection> sections(LocalDate day, Instant since, Instant now) {
		Map<String, TeamSection> sections = new LinkedHashMap<>();
		// the children nobody holds, longest waiting first, in the mail of a team that has news anyway
		properties.teams().forEach((id, team) -> sections.put(id,
				new TeamSection(team.name() != null ? team.name() : id, new ArrayList<>(), new ArrayList<>(),
						new ArrayList<>(), caseloads.unallocatedOf(id))));
		for (EscalationLedger.Raised raised : escalations.raisedBetween(since, now)) {
			TeamSection section = sections.get(raised.team());
			if (section != null) {
				(raised.mailed() ? section.breaches() : section.repeated()).add(breach(raised, day));
			}
		}
		for (OpenClocks.DueOn due : openClocks.dueOn(day)) {
			TeamSection section = sections.get(due.team());
			if (section != null) {
				section.dueToday().add(new Due(due.caseRef(), due.label(), templates.caseUrl(due.caseRef())));
			}
		}
		return sections;
	}

	private Breach breach(EscalationLedger.Raised raised, LocalDate day) {
		// late until the work was done, or until today while it is still open
		LocalDate lateUntil = raised.stoppedAt() != null ? London.dateOf(raised.stoppedAt()) : day;
		int late = Math.max(0, calendar.workingDaysBetween(raised.dueDate(), lateUntil));
		return new Breach(raised.caseRef(), raised.overdueTask(), raised.tier(), raised.dueDate(), late,
				templates.caseUrl(raised.caseRef()));
	}

	/** Who gets a digest and for which teams: each team's manager, and its service's manager. */
	private Map<String, Set<String>> managers() {
		Map<String, Set<String>> managers = new LinkedHashMap<>();
		properties.teams().forEach((id, team) -> {
			if (team.manager() != null) {
				managers.computeIfAbsent(team.manager(), m -> new LinkedHashSet<>()).add(id);
			}
			Service service = team.service() != null ? properties.services().get(team.service()) : null;
			if (service != null && service.manager() != null) {
				managers.computeIfAbsent(service.manager(), m -> new LinkedHashSet<>()).add(id);
			}
		});
		return managers;
	}

	private boolean sentOn(LocalDate day) {
		return jdbc.sql("select count(*) from morning_digest where digest_date = ?").param(day).query(Long.class).single() > 0;
	}

	private Optional<Instant> previousSentAt(LocalDate day) {
		return jdbc.sql("select sent_at from morning_digest where digest_date < ? order by digest_date desc limit 1")
			.param(day)
			.query((rs, row) -> instant(rs, "sent_at"))
			.optional();
	}

}
