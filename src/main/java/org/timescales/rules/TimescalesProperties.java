package org.timescales.rules;

import java.net.URI;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.timescales.calendar.Interval;

/**
 * Everything under {@code timescales.*} in application.yaml: the clocks' rules, teams and
 * services (who a breach escalates to), and escalation settings.
 */
@ConfigurationProperties("timescales")
public record TimescalesProperties(URI publicUrl, Escalation escalation, Map<String, Rule> rules,
		Map<String, Team> teams, Map<String, Service> services, LookedAfter lookedAfter, List<SchoolTerm> schoolTerms,
		Map<String, QualifiedWork> qualifiedWork) {

	public TimescalesProperties {
		lookedAfter = lookedAfter != null ? lookedAfter : new LookedAfter(null, null);
		schoolTerms = schoolTerms != null ? List.copyOf(schoolTerms) : List.of();
		publicUrl = publicUrl != null ? publicUrl : URI.create("http://localhost:8080");
		escalation = escalation != null ? escalation : new Escalation(null);
		rules = rules != null ? new LinkedHashMap<>(rules) : Map.of();
		teams = teams != null ? new LinkedHashMap<>(teams) : Map.of();
		services = services != null ? new LinkedHashMap<>(services) : Map.of();
		qualifiedWork = qualifiedWork != null ? new LinkedHashMap<>(qualifiedWork) : Map.of();
	}

	public record Escalation(Interval reviewWithin) {
		public Escalation {
			reviewWithin = reviewWithin != null ? reviewWithin : Interval.parse("2 working days");
		}
	}

	/**
	 * A team: its Camunda group id is the map key; {@code manager} is the team manager's user id,
	 * {@code service} the key of the service it belongs to, {@code email} the team's shared mailbox.
	 */
	public record Team(String name, String manager, String service, String email) {
	}

	public record Service(String name, String manager) {
	}

	/**
	 * Looked-after children: the longest interval between visits once a placement is agreed to last
	 * until 18 and has lasted a year; and whether personal education plans start with the reception year
	 * (tighter than the law, the default) or only at compulsory school age (calendar.SchoolAge).
	 */
	public record LookedAfter(Interval longTermVisits, Boolean pepFromReception) {
		public LookedAfter {
			longTermVisits = longTermVisits != null ? longTermVisits : Interval.parse("3 months");
			pepFromReception = pepFromReception != null ? pepFromReception : Boolean.TRUE;
		}
	}

	/**
	 * Work that only some roles may hold and do: a case with a running process of {@code processes} may be
	 * allocated only to a member of one of {@code roles}, and those processes' tasks (all of them, or only
	 * {@code tasks} where listed) may be worked only by them. {@code source} is the law or practice behind it.
	 */
	public record QualifiedWork(String name, List<String> processes, List<String> tasks, List<String> roles,
			String source) {
		public QualifiedWork {
			processes = processes != null ? List.copyOf(processes) : List.of();
			tasks = tasks != null ? List.copyOf(tasks) : List.of();
			roles = roles != null ? List.copyOf(roles) : List.of();
		}
	}

	/** A school term, as the local authority publishes it. */
	public record SchoolTerm(String name, LocalDate start, LocalDate end) {
	}

}
