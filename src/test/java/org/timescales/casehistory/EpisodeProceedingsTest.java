package org.timescales.casehistory;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.timescales.casefile.ReferralRecord;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pre-proceedings and care proceedings are stages of the episode they follow: they open none (a
 * referral does), close none (only a closure a referral, an enquiry or a plan recorded closes it), and
 * hold it open while they run, as any of its work does.
 */
class EpisodeProceedingsTest {

	private static final Instant REFERRED = Instant.parse("2026-05-04T08:00:00Z");

	private final ReferralRecord referral = new ReferralRecord("REF-1", "C-1", REFERRED, "2A", "north", "referral-1");

	@Test
	void proceedingsFollowingAReferralAreItsEpisodesStagesAndOpenNoOther() {
		Stage pre = stage("pp-1", Episode.PRE_PROCEEDINGS, "2026-09-07T16:00:00Z", "2027-01-11T17:00:00Z", Map.of());
		Stage court = stage("cp-1", Episode.CARE_PROCEEDINGS, "2027-01-12T10:00:00Z", null, Map.of());

		List<Episode> episodes = Episode.of(List.of(referral), List.of(referralStage(null), pre, court));

		assertThat(episodes).hasSize(1);
		assertThat(episodes.get(0).of(Episode.PRE_PROCEEDINGS)).containsExactly(pre);
		assertThat(episodes.get(0).of(Episode.CARE_PROCEEDINGS)).containsExactly(court);
	}

	@Test
	void runningCareProceedingsHoldTheEpisodeOpenAfterTheReferralClosedIt() {
		Stage closed = referralStage("2026-06-01");
		Stage court = stage("cp-1", Episode.CARE_PROCEEDINGS, "2026-05-20T10:00:00Z", null, Map.of());

		assertThat(Episode.of(List.of(referral), List.of(closed, court)).get(0).closedBy()).isNull();

		Stage disposed = stage("cp-1", Episode.CARE_PROCEEDINGS, "2026-05-20T10:00:00Z", "2026-11-16T12:00:00Z",
				Map.of());
		Episode ended = Episode.of(List.of(referral), List.of(closed, disposed)).get(0);
		assertThat(ended.closedBy()).isSameAs(closed);
		assertThat(ended.closedBy().cinClosureDate()).isEqualTo(LocalDate.of(2026, 6, 1));
	}

	@Test
	void aClosureRecordedInProceedingsNeverClosesTheEpisode() {
		Stage court = stage("cp-1", Episode.CARE_PROCEEDINGS, "2026-05-20T10:00:00Z", "2026-11-16T12:00:00Z",
				Map.of("cinClosureDate", "2026-11-16", "cinClosureReason", "PLAN_ENDED"));

		assertThat(Episode.of(List.of(referral), List.of(referralStage(null), court)).get(0).closedBy()).isNull();
	}

	/** The referral's stage, ended; closed on the day given (no further action), or not. */
	private static Stage referralStage(String closedOn) {
		Map<String, Object> variables = closedOn == null ? Map.of()
				: Map.of("cinClosureDate", closedOn, "cinClosureReason", "NFA");
		return stage("referral-1", "referral", "2026-05-04T08:00:00Z", "2026-06-01T16:00:00Z", variables);
	}

	private static Stage stage(String id, String process, String started, String ended, Map<String, Object> variables) {
		return new Stage(id, process, Instant.parse(started), ended == null ? null : Instant.parse(ended), variables,
				List.of());
	}

}
