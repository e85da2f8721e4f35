package org.timescales.annexa;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Nothing leaves that does not fit the template: a value outside its column's code list, a date that is
 * text, a heading the list does not have are refused, naming the list, the child and the column.
 */
class AnnexAWorkbookTest {

	@Test
	void aValueOutsideItsCodeListIsRefusedWithTheListTheChildAndTheColumn() {
		AnnexRow row = new AnnexRow("C-1").set(AnnexALists.CPP_START, LocalDate.of(2026, 1, 5))
			.set(AnnexALists.INITIAL_CATEGORY, "NEGLECT");

		assertThatThrownBy(() -> AnnexAWorkbook.check(Map.of(AnnexALists.PROTECTION_PLANS, List.of(row))))
			.isInstanceOf(AnnexAExport.InvalidAnnexAException.class)
			.hasMessageStartingWith("Annex A List 7, child C-1, column 'Initial Category of Abuse': 'NEGLECT' is not one"
					+ " of the template's values [Neglect, Physical abuse,");
	}

	@Test
	void aDateAsTextAndAHeadingOfAnotherListAreRefused() {
		AnnexRow text = new AnnexRow("C-2").set(AnnexALists.REFERRAL_DATE, "2026-01-05");
		assertThatThrownBy(() -> AnnexAWorkbook.check(Map.of(AnnexALists.REFERRALS, List.of(text))))
			.hasMessage("Annex A List 3, child C-2, column 'Date of Referral': '2026-01-05' is not a date");

		AnnexRow misplaced = new AnnexRow("C-3").set(AnnexALists.CASE_STATUS, "e) Closed episode");
		assertThatThrownBy(() -> AnnexAWorkbook.check(Map.of(AnnexALists.REFERRALS, List.of(misplaced))))
			.hasMessage("Annex A List 3, child C-3, column 'Case Status': is no column of List 3");
	}

	@Test
	void theTemplatesValuesPass() {
		AnnexRow row = new AnnexRow("C-4").set(AnnexALists.CIN_START, LocalDate.of(2026, 1, 5))
			.set(AnnexALists.CLOSURE_REASON, Codes.CLOSURE.of("RC8"))
			.set(AnnexALists.CASE_STATUS, Codes.CASE_STATUS.of("CLOSED"));
		assertThatCode(() -> AnnexAWorkbook.check(Map.of(AnnexALists.CHILDREN_IN_NEED, List.of(row))))
			.doesNotThrowAnyException();
	}

}
