package org.timescales.casefile;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/** The CIN census's codes for what is recorded of a child (its schema's enumerations), and the DfE's UPN rules. */
public final class CensusCodes {

	/** Sex (N00783): male, female, unknown or not recorded (DfE rule 4180). */
	public static final Set<String> SEX = Set.of("M", "F", "U");

	/** Ethnicity (N00177); NOBT is "information not yet obtained", REFU "refused". */
	public static final Set<String> ETHNICITY = Set.of("WBRI", "WIRI", "WIRT", "WOTH", "WROM", "MWBC", "MWBA", "MWAS",
			"MOTH", "AIND", "APKN", "ABAN", "AOTH", "BCRB", "BAFR", "BOTH", "CHNE", "OOTH", "REFU", "NOBT");

	/**
	 * Why a child has no UPN (N00135), the schema's {@code unknownupntype}: the DfE's CIN census guide gives
	 * each code's reason (UN1: not of school age; UN7: a referral with no further action, DfE rule 8772).
	 * A child has a UPN or one of these, never both.
	 */
	public static final Set<String> UPN_UNKNOWN = Set.of("UN1", "UN2", "UN3", "UN4", "UN5", "UN6", "UN7");

	/**
	 * Disability (N00099): NONE, or one or more of mobility, hand function, personal care, incontinence,
	 * communication, learning, hearing, vision, behaviour, consciousness, autism and other (DDA).
	 */
	public static final Set<String> DISABILITY = Set.of("NONE", "MOB", "HAND", "PC", "INC", "COMM", "LD", "HEAR", "VIS",
			"BEH", "CON", "AUT", "DDA");

	/** The check letters, by the remainder (DfE rule 1510; I, O and S are never used). */
	private static final String CHECK_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ";

	/**
	 * The LA codes characters 2-4 of a UPN may hold (DfE rule 1530, cin2023_24/rule_1530.py): the post-April
	 * 1998 LA codes and the recognised pseudo-LA codes.
	 */
	private static final Set<String> UPN_LA_CODES = laCodes();

	private CensusCodes() {
	}

	/**
	 * What is wrong with a unique pupil number, or null when the DfE's rules accept it: 13 characters, a
	 * letter, digits at 2-12 (rule 1540) and a digit or a letter other than I, O and S at 13 (rule 1550),
	 * an LA code at 2-4 (rule 1530) and the right check letter (rule 1510). As the DfE's validator does, the
	 * check letter of a temporary UPN (a letter at 13) is not checked.
	 */
	public static String upnProblem(String upn) {
		if (upn == null || !upn.matches("[A-Z][0-9]{11}[0-9A-Z]")) {
			return "must be 13 characters: a check letter, the 3-digit LA code, 8 digits and a final digit or letter"
					+ " (the DfE's unique pupil number)";
		}
		char last = upn.charAt(12);
		if (last == 'I' || last == 'O' || last == 'S') {
			return "may not end in I, O or S (DfE rule 1550)";
		}
		if (!UPN_LA_CODES.contains(upn.substring(1, 4))) {
			return "has characters 2-4 " + upn.substring(1, 4) + ", which is not an LA code the DfE recognises (rule 1530)";
		}
		Character expected = checkLetter(upn);
		if (expected != null && expected != upn.charAt(0)) {
			return "has the wrong check letter (expected " + expected + ")";
		}
		return null;
	}

	/**
	 * The check letter of a UPN whose characters 2-13 are digits, as rule_1510.py computes it: each digit
	 * times its position (2-13), the sum's remainder by 23 read in {@link #CHECK_LETTERS}; null for any other.
	 */
	static Character checkLetter(String upn) {
		if (upn == null || !upn.matches(".[0-9]{12}")) {
			return null;
		}
		int sum = IntStream.rangeClosed(2, 13).map(position -> (upn.charAt(position - 1) - '0') * position).sum();
		return CHECK_LETTERS.charAt(sum % 23);
	}

	/**
	 * What is wrong with a child's disabilities, one sentence each, none when the census accepts them: at
	 * least one code, each a census code (rule 8540), NONE alone (rule 8790), none twice (rule 8794).
	 */
	public static List<String> disabilityProblems(List<String> codes) {
		List<String> problems = new ArrayList<>();
		if (codes == null || codes.isEmpty()) {
			problems.add("must name at least one CIN census disability code (NONE when the child has no disability)");
			return problems;
		}
		List<String> unknown = codes.stream().filter(c -> c == null || !DISABILITY.contains(c)).distinct().limit(5).toList();
		if (!unknown.isEmpty()) {
			// echoed, but never at length: the answer repeats what was sent
			problems.add("holds " + String.join(", ", unknown.stream().map(c -> c == null || c.length() <= 8 ? String.valueOf(c)
					: c.substring(0, 8) + "…").toList())
					+ ", not a CIN census disability code (NONE, MOB, HAND, PC, INC, COMM, LD, HEAR, VIS, BEH, CON, AUT, DDA)");
		}
		if (codes.contains("NONE") && codes.size() > 1) {
			problems.add("may not hold NONE with another code (DfE rule 8790)");
		}
		Set<String> seen = new HashSet<>();
		List<String> twice = codes.stream().filter(c -> c != null && !seen.add(c) && DISABILITY.contains(c)).distinct().toList();
		if (!twice.isEmpty()) {
			problems.add("holds " + String.join(", ", twice) + " more than once (DfE rule 8794)");
		}
		return problems;
	}

	private static Set<String> laCodes() {
		Stream<int[]> ranges = Stream.of(new int[] { 1, 5 }, new int[] { 201, 213 }, new int[] { 301, 320 },
				new int[] { 330, 336 }, new int[] { 340, 344 }, new int[] { 350, 359 }, new int[] { 370, 373 },
				new int[] { 380, 384 }, new int[] { 390, 394 }, new int[] { 660, 681 }, new int[] { 701, 708 },
				new int[] { 800, 803 }, new int[] { 805, 808 }, new int[] { 810, 813 }, new int[] { 820, 823 },
				new int[] { 835, 839 }, new int[] { 850, 852 }, new int[] { 855, 857 }, new int[] { 865, 896 },
				new int[] { 935, 938 }, new int[] { 940, 941 });
		IntStream single = IntStream.of(420, 815, 816, 825, 826, 830, 831, 840, 841, 845, 846, 860, 861, 908, 909, 916,
				919, 921, 925, 926, 928, 929, 931, 933, 942, 943);
		return IntStream
			.concat(ranges.flatMapToInt(r -> IntStream.rangeClosed(r[0], r[1])), single)
			.mapToObj(code -> String.format("%03d", code))
			.collect(java.util.stream.Collectors.toUnmodifiableSet());
	}

}
