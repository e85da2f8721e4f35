package org.timescales.returns.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.timescales.returns.rules.CensusReturn.ChildProtectionPlan;
import org.timescales.returns.rules.CensusReturn.Child;
import org.timescales.returns.rules.CensusReturn.CinDetails;
import org.timescales.returns.rules.CensusReturn.CinPlan;

/**
 * How every rule walks a return and compares what it holds, the one way: episode by episode, module
 * by module, and with a missing date or code comparing false, as pandas' NaT does in the DfE's
 * validator (so a missing value fires only the rules about missing values).
 */
final class Walk {

	private Walk() {
	}

	@FunctionalInterface
	interface EpisodeCheck {

		void apply(Child child, CinDetails episode);

	}

	/** What a rule does with one module (an assessment, a plan, …) of one episode of one child. */
	@FunctionalInterface
	interface ModuleCheck<T> {

		void apply(Child child, CinDetails episode, T module);

	}

	static void eachEpisode(CensusReturn census, EpisodeCheck check) {
		for (Child child : census.children()) {
			for (CinDetails episode : child.cinDetails()) {
				check.apply(child, episode);
			}
		}
	}

	/** Each module of each episode, e.g. {@code eachModule(census, CinDetails::assessments, …)}. */
	static <T> void eachModule(CensusReturn census, Function<CinDetails, List<T>> modules, ModuleCheck<T> check) {
		eachEpisode(census, (child, episode) -> modules.apply(episode).forEach(m -> check.apply(child, episode, m)));
	}

	/** A child's modules of one kind across all their episodes. */
	static <T> List<T> allOf(Child child, Function<CinDetails, List<T>> modules) {
		List<T> all = new ArrayList<>();
		child.cinDetails().forEach(e -> all.addAll(modules.apply(e)));
		return all;
	}

	static List<CinPlan> cinPlans(Child child) {
		return allOf(child, CinDetails::cinPlans);
	}

	static List<ChildProtectionPlan> plans(Child child) {
		return allOf(child, CinDetails::childProtectionPlans);
	}

	/** Present, on or after the first day of the collection year and on or before the reference date. */
	static boolean inYear(LocalDate date, CensusReturn census) {
		return date != null && census.referenceDate() != null && !date.isBefore(census.collectionStart())
				&& !date.isAfter(census.referenceDate());
	}

	/** Present and before the collection year's first day or after its reference date. */
	static boolean outside(LocalDate date, CensusReturn census) {
		return date != null && (date.isBefore(census.collectionStart()) || date.isAfter(census.referenceDate()));
	}

	/**
	 * Whether {@code date} falls on or after {@code start} and before {@code end} (on it too when
	 * {@code endInclusive}), or on or before the reference date when {@code end} is missing. A
	 * missing {@code date} or {@code start} falls nowhere.
	 */
	static boolean within(LocalDate date, LocalDate start, LocalDate end, LocalDate referenceDate,
			boolean endInclusive) {
		if (date == null || start == null || date.isBefore(start)) {
			return false;
		}
		if (end == null) {
			return !date.isAfter(referenceDate);
		}
		return endInclusive ? !date.isAfter(end) : date.isBefore(end);
	}

	/** {@code a < b}, false when either is missing. */
	static boolean before(LocalDate a, LocalDate b) {
		return a != null && b != null && a.isBefore(b);
	}

	/** {@code date > limit}, false when either is missing. */
	static boolean after(LocalDate date, LocalDate limit) {
		return date != null && limit != null && date.isAfter(limit);
	}

	/** Whether a code is one of {@code codes}; a missing code is none (Set.of refuses to look null up). */
	static boolean in(Set<String> codes, String code) {
		return code != null && codes.contains(code);
	}

}
