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

	private final ChildDetails details;

	private final ApplicationEventPublisher events;

	CaseViews(CaseRepository cases, Holdings holdings, CaseClocks clocks, CaseStages stages, ChildDetails details,
			ApplicationEventPublisher events) {
		this.details = details;
		this.cases = cases;
		this.holdings = holdings;
		this.clocks = clocks;
		this.stages = stages;
		this.events = events;
	}

	/**
	 * {@code sex}, {@code ethnicity}, {@code upnUnknown} and {@code disabilities}: the CIN census's codes, null
	 * (disabilities empty) where not recorded; {@code upn} the unique pupil number, never with {@code upnUnknown}.
	 */
	public record Child(String givenName, String familyName, LocalDate dateOfBirth, String sex, String ethnicity,
			String upn, String upnUnknown, List<String> disabilities) {
	}

	public record Referral(String referralId, Instant receivedAt, String source, String team, String processInstanceId) {
	}

	/** A worker's holding: {@code to} is null while it lasts. */
	public record AllocationView(String worker, String team, String supervisor, Instant from, Instant to, String by,
			String reason, String endedBy, String endedBecause) {
	}

	/**
	 * {@code laChildId}: the LA child identifier the CIN census carries; {@code childDetailChanges}: every
	 * change of the child's census details after the referral, oldest first.
	 */
	public record CaseView(String caseRef, String laChildId, Child child, List<ChildDetails.Change> childDetailChanges,
			String team, String allocatedWorker, String supervisor,
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
				child.sex(), child.ethnicity(), child.upn(), child.upnUnknown(), child.disabilities()),
				details.changesOf(caseRef), child.team(), current == null ? null : current.worker(), current == null ? null : current.supervisor(),
				allocations.stream()
					.map(a -> new AllocationView(a.worker(), a.team(), a.supervisor(), a.from(), a.to(), a.by(),
							a.reason(), a.endedBy(), a.endedBecause()))
					.toList(),
				holdings.transfersOf(caseRef), referrals, stages.of(caseRef), clocks.ofCase(caseRef));
	}

}
