package org.timescales.retention;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstanceQuery;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.timescales.calendar.London;
import org.timescales.casefile.CaseRepository;
import org.timescales.casefile.ChildCase;
import org.timescales.refusal.NotFoundException;
import org.timescales.security.AsSystem;

/**
 * Statutory retention of a case's history, never a short default time to live: the history of a
 * child in need is kept until the 25th birthday, of a child who was ever looked after until the 75th
 * ({@code timescales.retention.child-in-need-until-age}, {@code looked-after-until-age}).
 * <p>
 * {@link #applyRetention(String)} sets that date, as an absolute removal time, on the history of every
 * <em>ended</em> process instance of the case (business key = case reference) and everything under it,
 * by an engine batch the job executor runs. It is to be called again whenever another process of the
 * case ends (with the removal time strategy {@code end} the engine gives an ending instance its
 * definition's time to live, 75 years from the end, until this is applied) and when the child becomes
 * looked after (25 becomes 75). Running instances are left alone: their history is not complete.
 */
@Component
public class Retention {

	static final String LOOKED_AFTER_PROCESS = "childLookedAfter";

	private final HistoryService history;

	private final AsSystem asSystem;

	private final CaseRepository cases;

	private final int childInNeedUntilAge;

	private final int lookedAfterUntilAge;

	Retention(HistoryService history, AsSystem asSystem, CaseRepository cases,
			@Value("${timescales.retention.child-in-need-until-age:25}") int childInNeedUntilAge,
			@Value("${timescales.retention.looked-after-until-age:75}") int lookedAfterUntilAge) {
		if (childInNeedUntilAge < 25 || lookedAfterUntilAge < 75) {
			throw new IllegalStateException("timescales.retention: children in need are kept until at least the 25th "
					+ "birthday and children looked after until at least the 75th (configured "
					+ childInNeedUntilAge + " and " + lookedAfterUntilAge + ")");
		}
		this.history = history;
		this.asSystem = asSystem;
		this.cases = cases;
		this.childInNeedUntilAge = childInNeedUntilAge;
		this.lookedAfterUntilAge = lookedAfterUntilAge;
	}

	/**
	 * What was applied: the removal date (the start of that day in London), whether the child was ever
	 * looked after, how many ended process instances it was set on, and the engine batch doing it
	 * ({@code null} when no instance of the case has ended yet).
	 */
	public record Applied(String caseRef, LocalDate removalDate, boolean lookedAfter, long processInstances,
			String batchId) {
	}

	/** The date the case's history may be removed: the 25th birthday, the 75th if ever looked after. */
	public LocalDate removalDate(ChildCase child, boolean lookedAfter) {
		return child.dateOfBirth().plusYears(lookedAfter ? lookedAfterUntilAge : childInNeedUntilAge);
	}

	/**
	 * Sets the removal time of every ended process instance of the case (and its whole history) to its
	 * {@link #removalDate}. Read and written as the system: who may ask is decided by the caller.
	 *
	 * @throws NotFoundException when there is no such case
	 */
	public Applied applyRetention(String caseRef) {
		ChildCase child = cases.findCase(caseRef).orElseThrow(() -> new NotFoundException("No case " + caseRef));
		return asSystem.call(() -> {
			boolean lookedAfter = history.createHistoricProcessInstanceQuery()
				.processInstanceBusinessKey(caseRef)
				.processDefinitionKey(LOOKED_AFTER_PROCESS)
				.count() > 0;
			LocalDate removal = removalDate(child, lookedAfter);
			HistoricProcessInstanceQuery ended = history.createHistoricProcessInstanceQuery()
				.processInstanceBusinessKey(caseRef)
				.finished();
			long count = ended.count();
			if (count == 0) {
				return new Applied(caseRef, removal, lookedAfter, 0, null);
			}
			Batch batch = history.setRemovalTimeToHistoricProcessInstances()
				.absoluteRemovalTime(Date.from(London.toInstant(removal)))
				.byQuery(ended)
				.hierarchical()
				.executeAsync();
			return new Applied(caseRef, removal, lookedAfter, count, batch.getId());
		});
	}

	/**
	 * Applies retention to every case with a process that ended since {@code since}: run nightly, so
	 * each case's history carries its statutory removal date soon after each of its processes ends
	 * (and moves to the 75th birthday once the child has been looked after).
	 *
	 * @return the cases it was applied to
	 */
	public List<String> applyToRecentlyEnded(Instant since) {
		List<String> caseRefs = asSystem.call(() -> history.createHistoricProcessInstanceQuery()
			.finishedAfter(Date.from(since))
			.list()
			.stream()
			.map(HistoricProcessInstance::getBusinessKey)
			.filter(key -> key != null && cases.findCase(key).isPresent())
			.distinct()
			.toList());
		caseRefs.forEach(this::applyRetention);
		return caseRefs;
	}


}
