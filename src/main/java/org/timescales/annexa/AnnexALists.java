package org.timescales.annexa;

import java.util.List;

import static org.timescales.annexa.AnnexList.columns;
import static org.timescales.annexa.Column.code;
import static org.timescales.annexa.Column.date;
import static org.timescales.annexa.Column.number;
import static org.timescales.annexa.Column.text;

/**
 * The eleven lists of Ofsted's Annex A exactly as the template councils exchange lays them out
 * ({@code ../shared/ofsted/Annex_A-sample.xlsx}, from liia-tools): sheet names, headings in order and
 * spelled as there (a trailing space, curly quotes and a doubled bracket included: tools match
 * headings as text), the code list of each coded column. {@code AnnexATemplateTest} compares them with
 * the template cell by cell.
 */
final class AnnexALists {

	// ---- the child, first in lists 1–9

	static final String CHILD_ID = "Child Unique ID";

	static final String GENDER = "Gender";

	static final String ETHNICITY = "Ethnicity";

	static final String DATE_OF_BIRTH = "Date of Birth";

	static final String AGE = "Age";

	static final String DISABILITY = "Does the Child have a Disability";

	/** List 9's heading for the same. */
	static final String CARE_LEAVER_DISABILITY = "Disability";

	static final String TEAM = "Allocated Team";

	static final String WORKER = "Allocated Worker";

	// ---- list 3

	static final String REFERRAL_DATE = "Date of Referral";

	static final String REFERRAL_SOURCE = "Referral Source";

	static final String REFERRAL_NFA = "Referral NFA?";

	static final String REFERRALS_IN_12_MONTHS = "Number of Referrals in Last 12 Months";

	// ---- list 4

	static final String ASSESSMENT_START = "Continuous Assessment Start Date";

	static final String ASSESSMENT_CHILD_SEEN = "Child Seen During Continuous Assessment";

	static final String ASSESSMENT_AUTHORISED = "Continuous Assessment Date of Authorisation";

	static final String ASSESSMENT_SUPPORT = "Was the child assessed as requiring LA children's social care support?";

	// ---- list 5

	static final String S47_START = "Strategy discussion initiating Section 47 Enquiry Start Date";

	static final String ICPC_UNNECESSARY = "Was an Initial Child Protection Conference deemed unnecessary?";

	static final String ICPC_DATE = "Date of Initial Child Protection Conference";

	static final String ICPC_PLAN = "Did the Initial Child Protection Conference Result in a Child Protection Plan";

	static final String S47_IN_12_MONTHS = "Number of Section 47 Enquiries in the last 12 months";

	static final String ICPCS_IN_12_MONTHS = "Number of ICPCs in the last 12 months";

	// ---- list 6

	static final String CIN_START = "CIN Start Date";

	static final String PRIMARY_NEED = "Primary Need Code";

	static final String LAST_SEEN = "Date Child Was Last Seen";

	static final String CIN_CLOSURE = "CIN Closure Date";

	static final String CLOSURE_REASON = "Reason for Closure";

	static final String CASE_STATUS = "Case Status";

	// ---- list 7

	static final String CPP_START = "Child Protection Plan Start Date";

	static final String INITIAL_CATEGORY = "Initial Category of Abuse";

	static final String LATEST_CATEGORY = "Latest Category of Abuse";

	static final String CP_VISIT = "Date of the Last Statutory Visit";

	static final String SEEN_ALONE = "Was the Child Seen Alone?";

	static final String RCPC = "Date of latest review conference";

	static final String CPP_END = "Child Protection Plan End Date";

	static final String EPO = "Subject to Emergency Protection Order or Protected Under Police Powers in Last Six Months (Y/N)";

	static final String PREVIOUS_PLANS = "Number of Previous Child Protection Plans";

	// ---- list 8

	static final String UASC = "Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N))";

	static final String CLA_START = "Date Started to be Looked After";

	static final String CATEGORY_OF_NEED = "Child's Category of Need";

	static final String SECOND_PERIOD = "Is this a second or subsequent period of being a Looked After Child within the last 12 months (Y/N)";

	static final String LEGAL_STATUS_START = "Start date of current legal status";

	static final String LEGAL_STATUS = "Child's Legal Status";

	static final String CLA_REVIEW = "Date of Latest Statutory Review";

	static final String CLA_VISIT = "Date of Last Social Work Visit";

	static final String PERMANENCE_PLAN = "What is the permanence plan for this child?";

	static final String IRO_VISIT = "Date of Last IRO Visit / Contact to the Child";

	static final String HEALTH_ASSESSMENT = "Date of Last Health Assessment";

	static final String DENTAL_CHECK = "Date of Last Dental Check";

	static final String PLACEMENTS_IN_12_MONTHS = "Number of Placements in the Last 12 months";

	static final String CLA_END = "Date Ceased to be Looked After";

	static final String CLA_END_REASON = "Reason Ceased to be Looked After";

	static final String PLACEMENT_START = "Start Date of Most Recent Placement";

	static final String MISSING_IN_12_MONTHS = "Number of Episodes the Child has been \u2018Missing\u2019 from their Placement in the last 12 months";

	static final String ABSENT_IN_12_MONTHS = "Number of Episodes the Child has been \u2018Absent\u2019 from their Placement in the last 12 months";

	static final String RHI_OFFERED = "Was the child offered a Return Interview after their last missing episode (Y/N)?";

	static final String RHI_ACCEPTED = "Did the child accept a Return Interview after their last missing episode (Y/N)?";

	// ---- list 9

	static final String ELIGIBILITY = "Eligibility Category";

	// ---- the lists

	private static final List<Column> CHILD = List.of(text(CHILD_ID), code(GENDER, Codes.GENDER),
			code(ETHNICITY, Codes.ETHNICITY), date(DATE_OF_BIRTH), number(AGE));

	private static final List<Column> HAS_DISABILITY = List.of(code(DISABILITY, Codes.YES_NO_LETTERED));

	private static final List<Column> ALLOCATED = List.of(text(TEAM), text(WORKER));

	static final AnnexList CONTACTS = withShortDates(1, columns(CHILD,
			List.of(date("Date of Contact"), code("Contact Source", Codes.SOURCE))));

	static final AnnexList EARLY_HELP = withShortDates(2, columns(CHILD, List.of(date("Assessment start date"),
			date("Assessment completion date"), text("Organisation completing assessment"))));

	static final AnnexList REFERRALS = withShortDates(3,
			columns(CHILD, List.of(date(REFERRAL_DATE), code(REFERRAL_SOURCE, Codes.SOURCE),
					code(REFERRAL_NFA, Codes.YES_NO), number(REFERRALS_IN_12_MONTHS)), ALLOCATED));

	static final AnnexList ASSESSMENTS = withShortDates(4,
			columns(CHILD, HAS_DISABILITY,
					List.of(date(ASSESSMENT_START), code(ASSESSMENT_CHILD_SEEN, Codes.YES_NO),
							date(ASSESSMENT_AUTHORISED), code(ASSESSMENT_SUPPORT, Codes.YES_NO_LETTERED)),
					ALLOCATED));

	static final AnnexList ENQUIRIES = withShortDates(5,
			columns(CHILD, HAS_DISABILITY,
					List.of(date(S47_START), code(ICPC_UNNECESSARY, Codes.YES_NO), date(ICPC_DATE),
							code(ICPC_PLAN, Codes.YES_NO), number(S47_IN_12_MONTHS), number(ICPCS_IN_12_MONTHS)),
					ALLOCATED));

	static final AnnexList CHILDREN_IN_NEED = withShortDates(6,
			columns(CHILD, HAS_DISABILITY,
					List.of(date(CIN_START), code(PRIMARY_NEED, Codes.NEED), date(LAST_SEEN), date(CIN_CLOSURE),
							code(CLOSURE_REASON, Codes.CLOSURE), code(CASE_STATUS, Codes.CASE_STATUS)),
					ALLOCATED));

	static final AnnexList PROTECTION_PLANS = withShortDates(7, columns(CHILD, HAS_DISABILITY,
			List.of(date(CPP_START), code(INITIAL_CATEGORY, Codes.CATEGORY_OF_ABUSE),
					code(LATEST_CATEGORY, Codes.CATEGORY_OF_ABUSE), date(CP_VISIT),
					code(SEEN_ALONE, Codes.YES_NO_LETTERED), date(RCPC), date(CPP_END),
					code(EPO, Codes.YES_NO_LETTERED), number(PREVIOUS_PLANS)),
			ALLOCATED));

	static final AnnexList IN_CARE = withShortDates(8,
			columns(CHILD,
					List.of(code(UASC, Codes.YES_NO_LETTERED), code(DISABILITY, Codes.YES_NO_LETTERED),
							date(CLA_START), code(CATEGORY_OF_NEED, Codes.NEED),
							code(SECOND_PERIOD, Codes.YES_NO_LETTERED), date(LEGAL_STATUS_START),
							code(LEGAL_STATUS, Codes.LEGAL_STATUS), date(CLA_REVIEW), date(CLA_VISIT),
							text(PERMANENCE_PLAN), date(IRO_VISIT), date(HEALTH_ASSESSMENT), date(DENTAL_CHECK),
							number(PLACEMENTS_IN_12_MONTHS), date(CLA_END), text(CLA_END_REASON),
							date(PLACEMENT_START), text("Placement Type"), text("Placement Provider"),
							text("Placement postcode"), text("URN of Placement"), text("Placement Location"),
							text("LA of Placement"), number(MISSING_IN_12_MONTHS), number(ABSENT_IN_12_MONTHS),
							code(RHI_OFFERED, Codes.YES_NO_LETTERED), code(RHI_ACCEPTED, Codes.YES_NO_LETTERED)),
					ALLOCATED));

	static final AnnexList CARE_LEAVERS = withShortDates(9,
			columns(CHILD, HAS_DISABILITY, ALLOCATED,
					List.of(code(ELIGIBILITY, Codes.ELIGIBILITY), text("LA in Touch"), text("Type of Accommodation"),
							text("Suitability of Accommodation"), text("Activity Status"))));

	/** Adoption is not modelled: the list has its headings and no rows. */
	static final AnnexList ADOPTION = withShortDates(10,
			List.of(text(CHILD_ID), text("Family identifier"), code(GENDER, Codes.GENDER),
					code(ETHNICITY, Codes.ETHNICITY), date(DATE_OF_BIRTH), number("Age of Child (Years)"),
					code(DISABILITY, Codes.YES_NO_LETTERED), date("Date the Child Entered Care"),
					date("Date of Decision that Child Should be Placed for Adoption"), date("Date of Placement Order"),
					date("Date of Matching Child and Prospective Adopters"), date("Date Placed for Adoption"),
					// the template's heading ends with a space
					date("Date of Adoption Order "),
					date("Date of Decision that Child Should No Longer be Placed for Adoption"),
					text("Reason Why Child No Longer Placed for Adoption"),
					date("Date the child was placed for fostering in FFA or concurrent planning placement")));

	/** Adopters are not modelled: the list has its headings and no rows. */
	static final AnnexList ADOPTERS = new AnnexList(11,
			List.of(text("Individual adopter identifier"), text("Family identifier"), code(GENDER, Codes.GENDER),
					code(ETHNICITY, Codes.ETHNICITY), code(CARE_LEAVER_DISABILITY, Codes.YES_NO_LETTERED),
					text("Is the (prospective) adopter fostering for adoption?"), date("Date enquiry received"),
					date("Date Stage 1 started"), date("Date Stage 1 ended"), date("Date Stage 2 started"),
					date("Date Stage 2 ended"), date("Date application submitted"), date("Date application approved"),
					date("Date adopter matched with child(ren)"), date("Date child/children placed with adopter(s)"),
					number("No. of children placed"), date("Date of Adoption Order"),
					date("Date of leaving adoption process"), text("Reason for leaving adoption process")),
			"dd/mm/yyyy;@");

	static final List<AnnexList> ALL = List.of(CONTACTS, EARLY_HELP, REFERRALS, ASSESSMENTS, ENQUIRIES,
			CHILDREN_IN_NEED, PROTECTION_PLANS, IN_CARE, CARE_LEAVERS, ADOPTION, ADOPTERS);

	private static AnnexList withShortDates(int number, List<Column> columns) {
		return new AnnexList(number, columns, AnnexList.SHORT_DATE);
	}

	private AnnexALists() {
	}

}
