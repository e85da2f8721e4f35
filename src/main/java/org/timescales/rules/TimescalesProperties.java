package org.timescales.rules;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.timescales.calendar.Interval;

/**
 * Everything under {@code timescales.*} in application.yaml: the clocks' rules, teams and
 * services (who a breach escalates to), and escalation settings.
 */
@ConfigurationProperties("timescales")
public record TimescalesProperties(URI publicUrl, Escalation escalation, Map<String, Rule> rules,
		Map<String, Team> teams, Map<String, Service> services) {

	public TimescalesProperties {
		publicUrl = publicUrl != null ? publicUrl : URI.create("http://localhost:8080");
		escalation = escalation != null ? escalation : new Escalation(null);
		rules = rules != null ? new LinkedHashMap<>(rules) : Map.of();
		teams = teams != null ? new LinkedHashMap<>(teams) : Map.of();
		services = services != null ? new LinkedHashMap<>(services) : Map.of();
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

}
