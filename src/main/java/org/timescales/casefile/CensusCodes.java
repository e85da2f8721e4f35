package org.timescales.casefile;

import java.util.Set;

/** The CIN census's codes for what is recorded of a child (its schema's enumerations). */
public final class CensusCodes {

	/** Sex (N00783): male, female, unknown or not recorded (DfE rule 4180). */
	public static final Set<String> SEX = Set.of("M", "F", "U");

	/** Ethnicity (N00177); NOBT is "information not yet obtained", REFU "refused". */
	public static final Set<String> ETHNICITY = Set.of("WBRI", "WIRI", "WIRT", "WOTH", "WROM", "MWBC", "MWBA", "MWAS",
			"MOTH", "AIND", "APKN", "ABAN", "AOTH", "BCRB", "BAFR", "BOTH", "CHNE", "OOTH", "REFU", "NOBT");

	private CensusCodes() {
	}

}
