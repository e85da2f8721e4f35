package org.timescales.security;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.timescales.rules.TimescalesProperties;
import org.timescales.rules.TimescalesProperties.QualifiedWork;

/**
 * Which work needs which qualification ({@code timescales.qualified-work}, beside the rules): who may be
 * allocated a case with such work running, and who may do its tasks.
 */
@Component
public class Qualifications {

	private final TimescalesProperties properties;

	Qualifications(TimescalesProperties properties) {
		this.properties = properties;
		// a rule nobody could meet, or that covers nothing, or cites nothing, is a mistake in configuration
		properties.qualifiedWork().forEach((id, rule) -> {
			if (rule.name() == null || rule.processes().isEmpty() || rule.roles().isEmpty() || rule.source() == null
					|| rule.source().isBlank()) {
				throw new IllegalStateException("timescales.qualified-work." + id
						+ " needs a name, processes, roles and a source");
			}
		});
	}

	/** The first rule that a holder of a case running these processes must meet and a person in these groups does not. */
	public Optional<QualifiedWork> unmetToHold(Collection<String> runningProcessKeys, Set<String> groups) {
		return properties.qualifiedWork().values().stream()
			.filter(rule -> rule.processes().stream().anyMatch(runningProcessKeys::contains))
			.filter(rule -> !qualified(rule, groups))
			.findFirst();
	}

	/** The rule a person in these groups does not meet to work this task, if any. */
	public Optional<QualifiedWork> unmetToWork(String processKey, String taskKey, Set<String> groups) {
		return properties.qualifiedWork().values().stream()
			.filter(rule -> rule.processes().contains(processKey))
			.filter(rule -> rule.tasks().isEmpty() || rule.tasks().contains(taskKey))
			.filter(rule -> !qualified(rule, groups))
			.findFirst();
	}

	/** How a refusal names the rule: what it covers, who may do it and why. */
	public static String describe(QualifiedWork rule) {
		return rule.name() + " may be held and worked only by " + String.join(", ", rule.roles()) + " ("
				+ rule.source() + ")";
	}

	private static boolean qualified(QualifiedWork rule, Set<String> groups) {
		return rule.roles().stream().anyMatch(groups::contains);
	}

}
