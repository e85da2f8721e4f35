package org.timescales.returns.rules;

import java.time.LocalDate;
import java.time.Month;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.timescales.returns.rules.CensusReturn.CinDetails;
import org.timescales.returns.rules.CensusReturn.CinPlan;
import org.timescales.returns.rules.CensusReturn.Child;

import static org.timescales.returns.rules.Walk.*;

/**
 * The DfE's error-type rules on a child's identifiers and characteristics (modules
 * ChildIdentifiers, ChildCharacteristics and Disabilities), each ported from data-to-insight's
 * {@code cin_validator/rules/<year>/rule_<code>.py}.
 */
final class ChildRules {

	static final String LA_CHILD_ID = "ChildIdentifiers.LAchildID";

	static final String SEX = "ChildIdentifiers.Sex";

	static final String UPN = "ChildIdentifiers.UPN";

	static final String BIRTH_DATE = "ChildIdentifiers.PersonBirthDate";

	static final String DISABILITY = "Disabilities.Disability";

	static final String REFERRAL_NFA = "CINdetails.ReferralNFA";

	/** UPN check letters by remainder (DfE UPN guide): A to Z without I, O and S. */
	private static final String UPN_CHECK_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ";

	/** Characters 2-4 of a UPN: post-April 1998 LA codes and the DfE's pseudo-LA codes (cin2023_24). */
	private static final Set<String> UPN_LA_CODES = Stream
		.of(range(1, 5), range(201, 213), range(301, 320), range(330, 336), range(340, 344), range(350, 359),
				range(370, 373), range(380, 384), range(390, 394), range(660, 681), range(701, 708),
				range(800, 803), range(805, 808), range(810, 813), range(820, 823), range(835, 839),
				range(850, 852), range(855, 857), range(865, 896), range(935, 938), range(940, 941),
				IntStream.of(420, 815, 816, 825, 826, 830, 831, 840, 841, 845, 846, 860, 861, 908, 909, 916, 919,
						921, 925, 926, 928, 929, 931, 933, 942, 943))
		.flatMapToInt(codes -> codes)
		.mapToObj(code -> String.format("%03d", code))
		.collect(java.util.stream.Collectors.toUnmodifiableSet());

	private static final Set<String> UPN_LAST_CHARACTERS = "ABCDEFGHJKLMNPQRTUVWYXZ0123456789".chars()
		.mapToObj(c -> String.valueOf((char) c))
		.collect(java.util.stream.Collectors.toUnmodifiableSet());

	private static final Set<String> ETHNICITIES = Set.of("ABAN", "AIND", "AOTH", "APKN", "BAFR", "BCRB", "BOTH",
			"CHNE", "MOTH", "MWAS", "MWBA", "MWBC", "NOBT", "OOTH", "REFU", "WBRI", "WIRI", "WIRT", "WOTH", "WROM");

	private static final Set<String> DISABILITIES = Set.of("NONE", "MOB", "HAND", "PC", "INC", "COMM", "LD", "HEAR",
			"VIS", "BEH", "CON", "AUT", "DDA");

	/** Where a rule on the return's header reports: the DfE's header names no child. */
	private static final Child NO_CHILD = new Child(null, null, null, null, null, null, null, null, null, List.of(),
			List.of());

	// cin2022_23/rule_8540.py: the Python never reports (it hands the engine rows under ROW_ID_x, which
	// it drops), so this follows the DfE's message. Disabilities are case-sensitive here; a child with no
	// Disability at all has it missing
	static final CensusRule RULE_8540 = new CensusRule("8540",
			"Child’s disability is missing or invalid (see Disability table)",
			(census, report) -> {
				for (Child child : census.children()) {
					List<CinDetails> referred = child.cinDetails()
						.stream()
						.filter(e -> Boolean.FALSE.equals(e.referralNfa()))
						.toList();
					List<String> invalid = child.disabilities()
						.stream()
						.filter(d -> !in(DISABILITIES, d))
						.toList();
					if (child.personBirthDate() != null && !referred.isEmpty()
							&& (child.disabilities().isEmpty() || !invalid.isEmpty())) {
						report.fired(child, BIRTH_DATE, child.personBirthDate());
						invalid.forEach(d -> report.fired(child, DISABILITY, d));
						referred.forEach(e -> report.fired(child, REFERRAL_NFA, e.referralNfa()));
					}
				}
			});

	/** The rules the DfE validator cannot be held to (see each); {@code CensusRulesTest} checks them. */
	static final List<CensusRule> NOT_CROSS_CHECKED = List.of(RULE_8540);

	static final List<CensusRule> RULES = List.of(
			// cin2022_23/rule_8500.py
			perChild("8500", "LA Child ID must be present", LA_CHILD_ID, Child::laChildId,
					child -> child.laChildId() == null),
			// cin2024_25/rule_1570.py
			perChild("1570", "LA Child ID must not be longer than 20 characters", LA_CHILD_ID, Child::laChildId,
					child -> child.laChildId() != null && child.laChildId().length() > 20),
			// cin2024_25/rule_1580.py: Python's str.isalnum, which also takes letters and digits beyond ASCII
			perChild("1580", "LA Child ID must not contain any non-alphanumeric characters", LA_CHILD_ID,
					Child::laChildId, child -> child.laChildId() != null
							&& !child.laChildId().codePoints().allMatch(Character::isLetterOrDigit)),
			// cin2024_25/rule_4180.py
			perChild("4180", "Sex must be provided and equal M, F, or U", SEX, Child::sex,
					child -> !Set.of("M", "F", "U").contains(String.valueOf(child.sex()))),
			// cin2022_23/rule_100.py: the reference date is 31 March of the header's Year; it names no child
			new CensusRule("100", "Reference Date is incorrect", (census, report) -> {
				LocalDate reference = census.referenceDate();
				boolean matches = reference != null && census.year() != null
						&& census.year().equals(Integer.toString(reference.getYear()))
						&& reference.getMonth() == Month.MARCH && reference.getDayOfMonth() == 31;
				if (!matches) {
					report.fired(NO_CHILD, "Header.ReferenceDate", reference);
				}
			}),
			// cin2022_23/rule_1510.py: only a UPN of 13 characters whose last 12 are digits is checked
			perChild("1510", "UPN invalid (wrong check letter at character 1)", UPN, Child::upn,
					child -> upnCheckLetter(child.upn()) != null
							&& upnCheckLetter(child.upn()) != child.upn().charAt(0)),
			// cin2022_23/rule_1520.py
			new CensusRule("1520", "More than one record with the same UPN.",
					(census, report) -> sharing(census, Child::upn).forEach(child -> report.fired(child, UPN,
							child.upn()))),
			// cin2023_24/rule_1530.py: only a UPN of 13 characters is checked
			perChild("1530", "UPN invalid (characters 2-4 not a recognised LA code)", UPN, Child::upn,
					child -> child.upn() != null && child.upn().length() == 13
							&& !UPN_LA_CODES.contains(child.upn().substring(1, 4))),
			// cin2022_23/rule_1540.py: any length; Python's "abc"[4:12] is "", which is not all digits
			perChild("1540", "UPN invalid (characters 5-12 not all numeric)", UPN, Child::upn,
					child -> child.upn() != null && !digits(slice(child.upn(), 4, 12))),
			// cin2022_23/rule_1550.py: only a UPN of 13 characters is checked
			perChild("1550", "UPN invalid (character 13 not a recognised value)", UPN, Child::upn,
					child -> child.upn() != null && child.upn().length() == 13
							&& !UPN_LAST_CHARACTERS.contains(child.upn().substring(12))),
			// cin2022_23/rule_8510.py: two children with no LAchildID are duplicates too, as in pandas
			new CensusRule("8510", "More than one child record with the same LA Child ID",
					(census, report) -> duplicates(census, Child::laChildId).forEach(child -> report.fired(child,
							LA_CHILD_ID, child.laChildId()))),
			// cin2022_23/rule_8520.py
			new CensusRule("8520",
					"Date of Birth is after data collection period (must be on or before the end of the census period)",
					(census, report) -> census.children()
						.stream()
						.filter(child -> after(child.personBirthDate(), census.referenceDate()))
						.forEach(child -> report.fired(child, BIRTH_DATE, child.personBirthDate()))),
			// cin2022_23/rule_8590.py
			perChild("8590", "Child does not have a recorded CIN episode.", LA_CHILD_ID, Child::laChildId,
					child -> child.cinDetails().isEmpty()),
			// cin2024_25/rule_8750.py: a missing Sex is not U either
			new CensusRule("8750", "Sex must equal U for an unborn child", (census, report) -> {
				for (Child child : census.children()) {
					if (child.personBirthDate() == null && child.expectedPersonBirthDate() != null
							&& !"U".equals(child.sex())) {
						report.fired(child, SEX, child.sex());
						report.fired(child, BIRTH_DATE, null);
						report.fired(child, "ChildIdentifiers.ExpectedPersonBirthDate",
								child.expectedPersonBirthDate());
					}
				}
			}),
			// cin2022_23/rule_4008.py
			new CensusRule("4008", "CIN Plan shown as starting after the child’s Date of Death.", (census, report) -> {
				for (Child child : census.children()) {
					LocalDate death = child.personDeathDate();
					List<CinPlan> after = death == null ? List.of()
							: plans(child).filter(p -> p.startDate() != null && p.startDate().isAfter(death))
								.toList();
					if (!after.isEmpty()) {
						report.fired(child, "ChildIdentifiers.PersonDeathDate", death);
						after.forEach(p -> report.fired(child, "CINplanDates.CINPlanStartDate", p.startDate()));
					}
				}
			}),
			// cin2022_23/rule_8772.py: a UN7 child with no CINdetails fires too (the merge gives no ReferralNFA)
			new CensusRule("8772",
					"UPN unknown reason is UN7 (Referral with no further action) but at least one CIN details is a referral going on to further action",
					(census, report) -> {
						for (Child child : census.children()) {
							if (!"UN7".equals(child.upnUnknown())) {
								continue;
							}
							List<CinDetails> further = child.cinDetails()
								.stream()
								.filter(e -> !Boolean.TRUE.equals(e.referralNfa()))
								.toList();
							if (!further.isEmpty() || child.cinDetails().isEmpty()) {
								report.fired(child, "ChildIdentifiers.UPNunknown", child.upnUnknown());
								further.forEach(e -> report.fired(child, REFERRAL_NFA, e.referralNfa()));
							}
						}
					}),
			// cin2022_23/rule_4220.py
			perChild("4220", "Ethnicity is missing or invalid (see Ethnicity table)",
					"ChildCharacteristics.Ethnicity", Child::ethnicity,
					child -> !in(ETHNICITIES, child.ethnicity())),
			// cin2022_23/rule_8790.py: NONE in any case; a Disability left empty beside NONE is another value
			new CensusRule("8790", "Disability information includes both None and other values",
					(census, report) -> {
						for (Child child : census.children()) {
							if (child.disabilities().stream().anyMatch(ChildRules::none)) {
								child.disabilities()
									.stream()
									.filter(d -> !none(d))
									.forEach(d -> report.fired(child, DISABILITY, d));
							}
						}
					}),
			// cin2022_23/rule_8794.py: codes compared as written; an empty Disability is not counted
			new CensusRule("8794", "Child has two or more disabilities with the same code", (census, report) -> {
				for (Child child : census.children()) {
					Map<String, Integer> counts = new HashMap<>();
					child.disabilities().stream().filter(Objects::nonNull).forEach(d -> counts.merge(d, 1, Integer::sum));
					counts.forEach((d, n) -> {
						if (n >= 2) {
							report.fired(child, DISABILITY, d);
						}
					});
				}
			}));

	private ChildRules() {
	}

	/** The children sharing a non-missing value of {@code key} with another child. */
	private static Stream<Child> sharing(CensusReturn census, Function<Child, String> key) {
		return duplicates(census, key).filter(child -> key.apply(child) != null);
	}

	/** The children sharing {@code key} with another child, a missing key counting as one value. */
	private static Stream<Child> duplicates(CensusReturn census, Function<Child, String> key) {
		Map<String, Integer> counts = new HashMap<>();
		census.children().forEach(child -> counts.merge(String.valueOf(key.apply(child)), 1, Integer::sum));
		return census.children().stream().filter(child -> counts.get(String.valueOf(key.apply(child))) > 1);
	}

	/** The check letter a UPN should start with, or null when it is not 13 characters ending in 12 digits. */
	private static Character upnCheckLetter(String upn) {
		if (upn == null || upn.length() != 13 || !digits(upn.substring(1))) {
			return null;
		}
		int sum = 0;
		for (int i = 1; i < 13; i++) {
			sum += Character.digit(upn.charAt(i), 10) * (i + 1);
		}
		return UPN_CHECK_LETTERS.charAt(sum % 23);
	}

	/** Python's {@code s[from:to]}: never out of range. */
	private static String slice(String s, int from, int to) {
		return s.substring(Math.min(from, s.length()), Math.min(to, s.length()));
	}

	/** Python's {@code str.isdigit}, for decimal digits: false for "". */
	private static boolean digits(String s) {
		return !s.isEmpty() && s.chars().allMatch(Character::isDigit);
	}

	private static boolean none(String disability) {
		return disability != null && disability.toUpperCase(java.util.Locale.ROOT).equals("NONE");
	}

	private static IntStream range(int first, int last) {
		return IntStream.rangeClosed(first, last);
	}

	private static Stream<CinPlan> plans(Child child) {
		return child.cinDetails().stream().flatMap(e -> e.cinPlans().stream());
	}

	/** A rule that looks at one field of each child on its own. */
	static CensusRule perChild(String code, String message, String field, Function<Child, Object> value,
			Predicate<Child> fails) {
		return new CensusRule(code, message, (census, report) -> {
			for (Child child : census.children()) {
				if (fails.test(child)) {
					report.fired(child, field, value.apply(child));
				}
			}
		});
	}

}
