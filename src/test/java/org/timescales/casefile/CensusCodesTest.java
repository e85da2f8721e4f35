package org.timescales.casefile;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The DfE's UPN rules (1510, 1530, 1540, 1550) and the disability codes' (8540, 8790, 8794), without Spring. */
class CensusCodesTest {

	@Test
	void theCheckLetterIsTheOneTheDfeValidatorComputes() {
		// rule_1510.py's test data: these pass its check letter
		assertThat(CensusCodes.checkLetter("A950000178301")).isEqualTo('A');
		assertThat(CensusCodes.checkLetter("H243278544154")).isEqualTo('H');
		assertThat(CensusCodes.checkLetter("X845212818005")).isEqualTo('X');
		// and these fail it
		assertThat(CensusCodes.checkLetter("R247962919251")).isNotEqualTo('R');
		assertThat(CensusCodes.checkLetter("X428558133462")).isNotEqualTo('X');
		// not considered, as there: not 12 digits after the letter
		assertThat(CensusCodes.checkLetter("ASFFAGSVSV123")).isNull();
		assertThat(CensusCodes.checkLetter("R325")).isNull();
	}

	@Test
	void aValidUpnHasNoProblem() {
		// LA codes 201 and 935 (rule 1530), check letters computed as rule 1510 does
		assertThat(CensusCodes.upnProblem("Z201000012345")).isNull();
		assertThat(CensusCodes.upnProblem("W201260000017")).isNull();
		assertThat(CensusCodes.upnProblem("G935123456789")).isNull();
		assertThat(CensusCodes.upnProblem("E001000000000")).isNull();
		// rule_1510.py's good check letters; X845212818005's LA code 845 is one rule 1530 knows
		assertThat(CensusCodes.upnProblem("X845212818005")).isNull();
		// a temporary UPN (a letter at 13): its check letter is not checked, as the validator does not
		assertThat(CensusCodes.upnProblem("A20100001234A")).isNull();
	}

	@Test
	void aWrongCheckLetterIsNamedWithTheRightOne() {
		assertThat(CensusCodes.upnProblem("A201000012345")).isEqualTo("has the wrong check letter (expected Z)");
		assertThat(CensusCodes.upnProblem("R845212818005")).isEqualTo("has the wrong check letter (expected X)");
	}

	@Test
	void aMalformedUpnIsRefusedBeforeItsCheckLetter() {
		String shape = "must be 13 characters: a check letter, the 3-digit LA code, 8 digits and a final digit or letter"
				+ " (the DfE's unique pupil number)";
		for (String bad : List.of("", "R325", "Z2010000123456", "Z20100001234", "ASFFAGSVSV123", "1201000012345",
				"Z2010000A2345", "z201000012345")) {
			assertThat(CensusCodes.upnProblem(bad)).as(bad).isEqualTo(shape);
		}
		assertThat(CensusCodes.upnProblem(null)).isEqualTo(shape);
		// rule 1550: character 13 never I, O or S
		assertThat(CensusCodes.upnProblem("Z20100001234I")).isEqualTo("may not end in I, O or S (DfE rule 1550)");
		assertThat(CensusCodes.upnProblem("Z20100001234O")).isEqualTo("may not end in I, O or S (DfE rule 1550)");
		// rule 1530: rule_1510.py's A950000178301 has a right check letter but no LA code 950
		assertThat(CensusCodes.upnProblem("A950000178301")).contains("950").contains("not an LA code");
		assertThat(CensusCodes.upnProblem("H243278544154")).contains("243").contains("not an LA code");
	}

	@Test
	void disabilitiesAreCensusCodesNoneAloneAndNoneTwice() {
		assertThat(CensusCodes.disabilityProblems(List.of("NONE"))).isEmpty();
		assertThat(CensusCodes.disabilityProblems(List.of("MOB", "AUT", "DDA"))).isEmpty();
		assertThat(CensusCodes.disabilityProblems(List.of())).singleElement().asString().contains("at least one");
		assertThat(CensusCodes.disabilityProblems(null)).singleElement().asString().contains("at least one");
		assertThat(CensusCodes.disabilityProblems(List.of("MOB", "BLIND"))).singleElement()
			.asString()
			.startsWith("holds BLIND, not a CIN census disability code");
		assertThat(CensusCodes.disabilityProblems(List.of("NONE", "MOB"))).containsExactly(
				"may not hold NONE with another code (DfE rule 8790)");
		assertThat(CensusCodes.disabilityProblems(List.of("MOB", "MOB"))).containsExactly(
				"holds MOB more than once (DfE rule 8794)");
		assertThat(CensusCodes.disabilityProblems(List.of("NONE", "NONE"))).hasSize(2);
	}

}
