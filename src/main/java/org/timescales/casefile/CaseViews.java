package org.timescales.casefile;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.timescales.refusal.NotFoundException;

/**
 * A child's case as the API shows it: the child, who holds it (team, allocated worker, every allocation
 * and transfer, oldest first), the referrals, every stage and every clock. Each showing is a read of
 * the child's record, logged before the record is read.
 */
@Component
public class CaseViews {

	private final CaseRepository cases;

	private final Holdings holdings;

	private final CaseClocks clocks;

	private final CaseStages stages;

	private final ApplicationEventPublisher events;

	CaseViews(CaseRepository cases, Holdings holdings, CaseClocks clocks, CaseStages stages,
			ApplicationEventPublisher events) {
		this.cases = cases;
		this.holdings = holdings;
		this.clocks = clocks;
		this.stages = stages;
		this.events = events;
	}

	/** {@code sex} and {@code ethnicity}: the CIN census's codes, null where not recorded. */
	public record Child(String givenName, String familyName, LocalDate dateOfBirth, String sex, String ethnicity) {
	}

	public record Referral(String referralId, Instant receivedAt, String source, String team, String processInstanceId) {
	}

	/** A worker's holding: {@code to} is null while it lasts. */
	public record AllocationView(String worker, String team, String supervisor, Instant from, Instant to, String by,
			String reason, String endedBy, String endedBecause) {
	}

	/** {@code laChildId}: the LA child identifier the CIN census carries. */
	public record CaseView(String caseRef, String laChildId, Child child, String team, String allocatedWorker, String supervisor,
			List<AllocationView> allocations, List<Transfer> transfers, List<Referral> referrals,
			List<CaseStages.Stage> stages, List<ClockView> clocks) {
	}

	public CaseView of(String caseRef) {
		ChildCase child = cases.findCase(caseRef)
			.orElseThrow(() -> new NotFoundException("No case with reference " + caseRef));
		events.publishEvent(CaseRecordRead.bySignedInUser(caseRef, CaseRecordRead.CASE));
		List<Referral> referrals = cases.referralsOf(caseRef)
			.stream()
			.map(r -> new Referral(r.referralId(), r.receivedAt(), r.source(), r.team(), r.processInstanceId()))
			.toList();
		List<Allocation> allocations = holdings.allocationsOf(caseRef);
		Allocation current = allocations.stream().filter(Allocation::current).findFirst().orElse(null);
		return new CaseView(child.caseRef(), child.laChildId(), new Child(child.givenName(), child.familyName(), child.dateOfBirth(),
				child.sex(), child.ethnicity()),
				child.team(), current == null ? null : current.worker(), current == null ? null : current.supervisor(),
				allocations.stream()
					.map(a -> new AllocationView(a.worker(), a.team(), a.supervisor(), a.from(), a.to(), a.by(),
							a.reason(), a.endedBy(), a.endedBecause()))
					.toList(),
				holdings.transfersOf(caseRef), referrals, stages.of(caseRef), clocks.ofCase(caseRef));
	}

}
