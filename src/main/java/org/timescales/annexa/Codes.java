package org.timescales.annexa;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A code list of Annex A: what Timescales records, and the value as Ofsted's template writes it
 * ({@code "F"} → {@code "b) Female"}). The values follow the template's sample rows where they show the
 * column, and otherwise liia-tools' Annex A schema, from which the template comes; the template itself
 * has no data validations. {@code AnnexATemplateTest} checks that every value the template's rows use
 * in a column is in its list.
 */
final class Codes {

	/** The CIN census sex codes. */
	static final Codes GENDER = new Codes("M", "a) Male", "F", "b) Female", "U", "c) Not stated/recorded", "N",
			"d) Neither");

	/** The CIN census ethnicity codes. */
	static final Codes ETHNICITY = new Codes("WBRI", "a) WBRI", "WIRI", "b) WIRI", "WIRT", "c) WIRT", "WOTH", "d) WOTH",
			"WROM", "e) WROM", "MWBC", "f) MWBC", "MWBA", "g) MWBA", "MWAS", "h) MWAS", "MOTH", "i) MOTH", "AIND",
			"j) AIND", "APKN", "k) APKN", "ABAN", "l) ABAN", "AOTH", "m) AOTH", "BCRB", "n) BCRB", "BAFR", "o) BAFR",
			"BOTH", "p) BOTH", "CHNE", "q) CHNE", "OOTH", "r) OOTH", "REFU", "s) REFU", "NOBT", "s) NOBT");

	/** The CIN census referral source codes (the template's contact source and referral source). */
	static final Codes SOURCE = new Codes("1A", "a) 1A: Individual", "1B", "b) 1B: Individual", "1C",
			"c) 1C: Individual", "1D", "d) 1D: Individual", "2A", "e) 2A: Schools", "2B", "f) 2B: Education services",
			"3A", "g) 3A: Health services", "3B", "h) 3B: Health services", "3C", "i) 3C: Health services", "3D",
			"j) 3D: Health services", "3E", "k) 3E: Health services", "3F", "l) 3F: Health services", "4",
			"m) 4: Housing", "5A", "n) 5A: LA services", "5B", "o) 5B: LA services", "5C", "p) 5C: LA services", "5D",
			"p1) 5D: LA services", "6", "q) 6: Police", "7", "r) 7: Other legal agency", "8", "s) 8: Other", "9",
			"t) 9: Anonymous", "10", "u) 10: Unknown");

	/** Yes or no, as the template writes it in lists 3, 4 and 5 ("No"). */
	static final Codes YES_NO = new Codes("yes", "Yes", "no", "No");

	/** Yes, no or unknown, lettered, as the template writes it elsewhere ("b) No"). */
	static final Codes YES_NO_LETTERED = new Codes("yes", "a) Yes", "no", "b) No", "unknown", "c) Unknown");

	/** The CIN census primary need codes. */
	static final Codes NEED = new Codes("N1", "N1 - Abuse or Neglect", "N2", "N2 - Child's disability", "N3",
			"N3 - Parental disability or illness", "N4", "N4 - Family in acute stress", "N5", "N5 - Family dysfunction",
			"N6", "N6 - Socially unacceptable behaviour", "N7", "N7 - Low income", "N8", "N8 - Absent parenting", "N9",
			"N9 - Cases other than children in need", "N0", "N0 - Not stated");

	/** The CIN census reasons for closure. */
	static final Codes CLOSURE = new Codes("RC1", "RC1 - Adopted", "RC2", "RC2 - Died", "RC3",
			"RC3 - Child arrangements order", "RC4", "RC4 - Special guardianship order", "RC5",
			"RC5 - Transferred to services of another local authority", "RC6",
			"RC6 - Transferred to adult social care services", "RC7",
			"RC7 - Services ceased for any other reason, including child no longer in need", "RC8",
			"RC8 - Case closed after assessment, no further action", "RC9",
			"RC9 - Case closed after assessment, referred to early help");

	/** Where a child in need episode stands at the end of the period (list 6). */
	static final Codes CASE_STATUS = new Codes("LOOKED_AFTER", "a) Looked after child", "PROTECTION_PLAN",
			"b) Child Protection plan", "CIN_PLAN", "c) Child in need plan", "ASSESSMENT", "d) Open assessment", "CLOSED",
			"e) Closed episode");

	/** The categories of abuse as the conference forms record them. */
	static final Codes CATEGORY_OF_ABUSE = new Codes("NEGLECT", "Neglect", "PHYSICAL", "Physical abuse", "SEXUAL",
			"Sexual abuse", "EMOTIONAL", "Emotional abuse", "MULTIPLE", "Multiple/not recommended");

	/** The SSDA903 legal statuses. */
	static final Codes LEGAL_STATUS = new Codes("C1", "C1: ICO", "C2", "C2: FCO", "D1", "D1: Freeing order", "E1",
			"E1: Placement order", "J1", "J1: Remanded to LA or youth detention", "J2", "J2: LA accommodation under PACE",
			"J3", "J3: Youth rehabilitation order", "L1", "L1: Police protection LA accommodation", "L2", "L2: EPO", "L3",
			"L3: Child assessment order LA accommodation", "V2", "V2: Single period under S20", "V3",
			"V3: Short term breaks, episodes recorded", "V4", "V4: Short term breaks, agreements recorded");

	/** A care leaver's eligibility for leaving care support (Children Act 1989 s19B, s23A, s24). */
	static final Codes ELIGIBILITY = new Codes("RELEVANT", "a) Relevant child", "FORMER_RELEVANT",
			"b) Former relevant child", "QUALIFYING", "c) Qualifying care leaver", "ELIGIBLE", "d) Eligible child");

	private final Map<String, String> byRecorded = new LinkedHashMap<>();

	private Codes(String... recordedThenValue) {
		for (int i = 0; i < recordedThenValue.length; i += 2) {
			byRecorded.put(recordedThenValue[i], recordedThenValue[i + 1]);
		}
	}

	/**
	 * The template's value for what was recorded; {@code null} for nothing recorded. A value with no
	 * code is returned as recorded, for the check before the workbook leaves to name it.
	 */
	String of(String recorded) {
		if (recorded == null) {
			return null;
		}
		return byRecorded.getOrDefault(recorded, recorded);
	}

	String of(Boolean yes) {
		return yes == null ? null : of(yes ? "yes" : "no");
	}

	boolean contains(String value) {
		return byRecorded.containsValue(value);
	}

	Collection<String> values() {
		return List.copyOf(byRecorded.values());
	}

}
