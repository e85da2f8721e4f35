package org.timescales.annexa;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;
import org.timescales.audit.RecordViews;
import org.timescales.calendar.London;
import org.timescales.casefile.CaseRepository;
import org.timescales.casefile.ChildCase;
import org.timescales.casefile.Holdings;
import org.timescales.casefile.ReferralRecord;
import org.timescales.casehistory.CaseHistory;
import org.timescales.casehistory.Episode;
import org.timescales.casehistory.FieldUpdate;
import org.timescales.casehistory.ProcessRun;
import org.timescales.casehistory.Stage;
import org.timescales.lookedafter.LookedAfterVariables;
import org.timescales.referral.ReferralVariables;

import static org.timescales.annexa.AnnexALists.*;
import static org.timescales.pathway.PathwayVariables.CHILD_IN_NEED_PLAN;
import static org.timescales.pathway.PathwayVariables.CHILD_PROTECTION_PLAN;
import static org.timescales.pathway.PathwayVariables.SECTION_47;

/**
 * Ofsted's Annex A for a period, as an .xlsx workbook laid out column for column as the template
 * councils exchange ({@link AnnexALists}), checked cell by cell before it leaves ({@link AnnexAWorkbook}).
 * <p>
 * Which rows: list 3 a referral received in the period; list 5 a section 47 enquiry started in the
 * period (a strategy discussion that started none is no row); list 6 a child in need episode (as the
 * CIN census counts it, {@link Episode}) open at any time in the period; lists 4, 7, 8 an assessment,
 * protection plan or period of care open at any time in the period (started on or before {@code to},
 * not ended before {@code from}); list 9 a care leaver (the care leaver process, started when a child
 * of 16 or over left care) who had left care by {@code to}. Dates after {@code to} are left out: the
 * lists are as at the end of the period. Lists 1, 2, 10 and 11 (contacts, early help, adoption,
 * adopters) have their headings and no rows: Timescales does not hold them.
 * <p>
 * "Age" is the age in whole years on the date the row counts from (referral, assessment start, …; for
 * a care leaver the end of the period). The counts "in the last 12 months" run over the 12 months up to
 * and including the row's own event (the referral; the enquiry's start, or for conferences its
 * conference), which is counted. "Allocated Team" and "Allocated Worker" are who held the child at the
 * end of the period, from the allocations and transfers recorded (the worker empty when the child was
 * unallocated).
 */
@Component
public class AnnexAExport {

	/** What the read log says each included child's record was read for. */
	public static final String RECORD_VIEW = "annex-a";

	/** bpmn/careLeaver.bpmn: the pathway plan of a child who left care at 16 or over. */
	static final String CARE_LEAVER = "careLeaver";

	private static final String LOOKED_AFTER = LookedAfterVariables.PROCESS_KEY;

	private static final String MISSING = LookedAfterVariables.RETURN_HOME_INTERVIEW;

	private final CaseRepository cases;

	private final CaseHistory history;

	private final Holdings holdings;

	private final RecordViews views;

	AnnexAExport(CaseRepository cases, CaseHistory history, Holdings holdings, RecordViews views) {
		this.cases = cases;
		this.history = history;
		this.holdings = holdings;
		this.views = views;
	}

	/** The workbook's bytes and the children in it. */
	public record AnnexA(byte[] xlsx, List<String> caseRefs) {
	}

	/** A workbook with a cell that does not fit its column: our bug, never the caller's. */
	public static class InvalidAnnexAException extends RuntimeException {

		InvalidAnnexAException(String message) {
			super(message);
		}

	}

	/**
	 * Builds the lists for {@code from}–{@code to} (inclusive) and checks every cell against its column;
	 * each child in them is then recorded in the read log.
	 *
	 * @throws InvalidAnnexAException naming the list, child, column and value that do not fit
	 */
	public AnnexA export(LocalDate from, LocalDate to) {
		Map<AnnexList, List<AnnexRow>> lists = lists(new Span(from, to));
		AnnexAWorkbook.check(lists);
		Set<String> children = new LinkedHashSet<>();
		lists.values().forEach(rows -> rows.forEach(row -> children.add(row.caseRef())));
		children.forEach(caseRef -> views.record(caseRef, RECORD_VIEW));
		return new AnnexA(AnnexAWorkbook.write(lists), List.copyOf(children));
	}

	// ---- reading

	/** The period, both ends included. */
	private record Span(LocalDate from, LocalDate to) {

		boolean contains(LocalDate date) {
			return date != null && !date.isBefore(from) && !date.isAfter(to);
		}

		/** Started by the end of the period and not ended before it began. */
		boolean overlaps(LocalDate start, LocalDate end) {
			return start != null && !start.isAfter(to) && (end == null || !end.isBefore(from));
		}

		/** The date if it is not after the period: a later one is not yet known at its end. */
		LocalDate upTo(LocalDate date) {
			return date == null || date.isAfter(to) ? null : date;
		}

	}

	/** What one child's rows are read from. */
	private record Child(ChildCase record, List<Stage> stages, List<ReferralRecord> referrals, Holdings.Held held) {

		List<Stage> of(String process) {
			return stages.stream().filter(s -> s.is(process)).toList();
		}

	}

	private Map<AnnexList, List<AnnexRow>> lists(Span span) {
		Map<AnnexList, List<AnnexRow>> lists = new LinkedHashMap<>();
		AnnexALists.ALL.forEach(list -> lists.put(list, new ArrayList<>()));
		for (String caseRef : history.casesReferredBy(span.to())) {
			ChildCase record = cases.findCase(caseRef).orElse(null);
			if (record == null) {
				continue;
			}
			Child child = new Child(record, history.stages(caseRef), cases.referralsOf(caseRef),
					holdings.heldAt(caseRef, London.endOfDay(span.to()), record.team()));
			add(lists, REFERRALS, referrals(child, span), record);
			add(lists, ASSESSMENTS, assessments(child, span), record);
			add(lists, ENQUIRIES, enquiries(child, span), record);
			add(lists, CHILDREN_IN_NEED, episodes(child, span), record);
			add(lists, PROTECTION_PLANS, protectionPlans(child, span), record);
			add(lists, IN_CARE, periodsInCare(child, span), record);
			add(lists, CARE_LEAVERS, careLeavers(child, span), record);
		}
		return lists;
	}

	/**
	 * Adds a child's rows to a list, with whether the child has a disability where the list asks it
	 * (lists 4-8 "Does the Child have a Disability", list 9 "Disability").
	 */
	private static void add(Map<AnnexList, List<AnnexRow>> lists, AnnexList list, List<AnnexRow> rows,
			ChildCase record) {
		String disabled = Codes.YES_NO_LETTERED.of(disabled(record));
		Stream.of(DISABILITY, CARE_LEAVER_DISABILITY)
			.filter(heading -> list.column(heading).isPresent())
			.forEach(heading -> rows.forEach(row -> row.set(heading, disabled)));
		lists.get(list).addAll(rows);
	}

	/** List 3: the referrals received in the period. */
	private List<AnnexRow> referrals(Child child, Span span) {
		List<AnnexRow> rows = new ArrayList<>();
		for (ReferralRecord referral : child.referrals()) {
			Stage s = byId(child.stages(), referral.processInstanceId());
			LocalDate referred = London.dateOf(s != null && s.referralReceivedAt() != null ? s.referralReceivedAt()
					: referral.receivedAt());
			if (!span.contains(referred)) {
				continue;
			}
			long inTwelveMonths = child.referrals()
				.stream()
				.map(r -> London.dateOf(r.receivedAt()))
				.filter(d -> inTwelveMonthsTo(d, referred))
				.count();
			// no further action only if so decided by the end of the period
			boolean nfa = s != null && "NFA".equals(s.referralDecision())
					&& span.upTo(s.referralDecisionDate()) != null;
			String source = s != null && s.referralSource() != null ? s.referralSource() : referral.source();
			rows.add(row(child, referred).set(REFERRAL_DATE, referred)
				.set(REFERRAL_SOURCE, Codes.SOURCE.of(source))
				.set(REFERRAL_NFA, Codes.YES_NO.of(nfa))
				.set(REFERRALS_IN_12_MONTHS, inTwelveMonths));
		}
		return rows;
	}

	/** List 4: the assessment of each referral decided ASSESSMENT, open at any time in the period. */
	private List<AnnexRow> assessments(Child child, Span span) {
		List<AnnexRow> rows = new ArrayList<>();
		for (Stage s : child.of(ReferralVariables.PROCESS_KEY)) {
			if (!"ASSESSMENT".equals(s.referralDecision())) {
				continue;
			}
			LocalDate start = span.upTo(s.assessmentStartDate());
			LocalDate authorised = span.upTo(s.assessmentAuthorisedDate());
			LocalDate began = start != null ? start : s.referralDecisionDate();
			if (!span.overlaps(began, authorised)) {
				continue;
			}
			String support = authorised == null ? null : requiresSupport(s.assessmentOutcome());
			rows.add(row(child, began).set(ASSESSMENT_START, start)
				.set(ASSESSMENT_AUTHORISED, authorised)
				.set(ASSESSMENT_SUPPORT, Codes.YES_NO_LETTERED.of(support)));
		}
		return rows;
	}

	/** A child in need plan or a protection enquiry is children's social care support; NFA and early help are not. */
	private static String requiresSupport(String outcome) {
		return switch (String.valueOf(outcome)) {
			case "CIN_PLAN", "STRATEGY_DISCUSSION" -> "yes";
			case "NFA", "EARLY_HELP" -> "no";
			default -> outcome;
		};
	}

	/** List 5: the section 47 enquiries started in the period, with their initial conferences. */
	private List<AnnexRow> enquiries(Child child, Span span) {
		List<AnnexRow> rows = new ArrayList<>();
		List<Stage> enquiries = child.of(SECTION_47);
		for (Stage s : enquiries) {
			LocalDate start = s.s47StartDate();
			if (!span.contains(start)) {
				continue;
			}
			LocalDate icpc = span.upTo(s.icpcDate());
			boolean concludedWithout = s.icpcNotRequired() && span.upTo(s.s47CompletedDate()) != null;
			String unnecessary = icpc != null ? "no" : concludedWithout ? "yes" : null;
			Boolean plan = icpc == null ? null : s.planRequired();
			LocalDate lastEvent = icpc != null ? icpc : start;
			long enquiriesInTwelveMonths = enquiries.stream()
				.filter(e -> e.s47StartDate() != null && inTwelveMonthsTo(e.s47StartDate(), start))
				.count();
			long conferencesInTwelveMonths = enquiries.stream()
				.map(e -> span.upTo(e.icpcDate()))
				.filter(d -> d != null && inTwelveMonthsTo(d, lastEvent))
				.count();
			rows.add(row(child, start).set(S47_START, start)
				.set(ICPC_UNNECESSARY, Codes.YES_NO.of(unnecessary))
				.set(ICPC_DATE, icpc)
				.set(ICPC_PLAN, Codes.YES_NO.of(plan))
				.set(S47_IN_12_MONTHS, enquiriesInTwelveMonths)
				.set(ICPCS_IN_12_MONTHS, conferencesInTwelveMonths));
		}
		return rows;
	}

	/**
	 * List 6: the child in need episodes open at any time in the period, with where each stood at its
	 * end: closed, else looked after, on a protection plan, on a child in need plan, or being assessed
	 * (the referral, the assessment or a section 47 enquiry still open with no plan).
	 */
	private List<AnnexRow> episodes(Child child, Span span) {
		List<AnnexRow> rows = new ArrayList<>();
		for (Episode e : Episode.of(child.referrals(), child.stages())) {
			LocalDate start = e.start();
			Stage closedBy = e.closedBy();
			if (!span.overlaps(start, closedBy == null ? null : closedBy.cinClosureDate())) {
				continue;
			}
			LocalDate closed = closedBy == null ? null : span.upTo(closedBy.cinClosureDate());
			String status;
			if (closed != null) {
				status = "CLOSED";
			}
			else if (child.of(LOOKED_AFTER).stream().anyMatch(s -> openAt(s.becameLookedAfterDate(), s.leftCareDate(), span.to()))) {
				status = "LOOKED_AFTER";
			}
			else if (e.of(CHILD_PROTECTION_PLAN).stream().anyMatch(s -> openAt(s.cppStartDate(), s.cppEndDate(), span.to()))) {
				status = "PROTECTION_PLAN";
			}
			else if (e.of(CHILD_IN_NEED_PLAN).stream().anyMatch(s -> openAt(s.cinPlanStartDate(), s.cinPlanEndDate(), span.to()))) {
				status = "CIN_PLAN";
			}
			else {
				status = "ASSESSMENT";
			}
			LocalDate until = closed != null ? closed : span.to();
			LocalDate lastSeen = child.stages()
				.stream()
				.flatMap(s -> Stream.of("child-seen", "cp-visit", "cla-visit").flatMap(rule -> s.metOn(rule).stream()))
				.filter(d -> !d.isBefore(start) && !d.isAfter(until))
				.max(Comparator.naturalOrder())
				.orElse(null);
			// as the assessment found it; an episode not (yet) assessed leaves the cell blank
			String need = e.referralStages()
				.stream()
				.map(Stage::primaryNeedCode)
				.filter(java.util.Objects::nonNull)
				.findFirst()
				.orElse(null);
			rows.add(row(child, start).set(CIN_START, start)
				.set(PRIMARY_NEED, Codes.NEED.of(need))
				.set(LAST_SEEN, lastSeen)
				.set(CIN_CLOSURE, closed)
				.set(CLOSURE_REASON, closed == null ? null : Codes.CLOSURE.of(e.reasonForClosure(closedBy)))
				.set(CASE_STATUS, Codes.CASE_STATUS.of(status)));
		}
		return rows;
	}

	/** List 7: the protection plans open at any time in the period. */
	private List<AnnexRow> protectionPlans(Child child, Span span) {
		List<AnnexRow> rows = new ArrayList<>();
		for (Stage s : child.of(CHILD_PROTECTION_PLAN)) {
			LocalDate start = s.cppStartDate();
			LocalDate end = span.upTo(s.cppEndDate());
			if (!span.overlaps(start, end)) {
				continue;
			}
			String latest = s.latestCategoryOfAbuse() != null ? s.latestCategoryOfAbuse() : s.categoryOfAbuse();
			LocalDate visit = lastMet(s, "cp-visit", span);
			// the plan holds the latest visit's answer: it is the one asked for unless a visit came after the period
			boolean latestVisit = s.metOn("cp-visit").stream().noneMatch(d -> d.isAfter(span.to()));
			Boolean alone = visit != null && latestVisit ? s.seenAlone() : null;
			rows.add(row(child, start).set(CPP_START, start)
				.set(INITIAL_CATEGORY, Codes.CATEGORY_OF_ABUSE.of(s.categoryOfAbuse()))
				.set(LATEST_CATEGORY, Codes.CATEGORY_OF_ABUSE.of(latest))
				.set(CP_VISIT, visit)
				.set(SEEN_ALONE, Codes.YES_NO_LETTERED.of(alone))
				.set(RCPC, lastMet(s, "rcpc", span))
				.set(CPP_END, end)
				.set(PREVIOUS_PLANS, s.numberOfPreviousPlans()));
		}
		return rows;
	}

	/** List 8: the periods of care open at any time in the period. */
	private List<AnnexRow> periodsInCare(Child child, Span span) {
		List<AnnexRow> rows = new ArrayList<>();
		List<Stage> periods = child.of(LOOKED_AFTER);
		Map<String, List<FieldUpdate>> updates = null;
		for (Stage s : periods) {
			LocalDate start = s.becameLookedAfterDate();
			LocalDate end = span.upTo(s.leftCareDate());
			if (!span.overlaps(start, end)) {
				continue;
			}
			boolean again = periods.stream()
				.filter(other -> other != s)
				.map(Stage::leftCareDate)
				.anyMatch(left -> left != null && inTwelveMonthsTo(left, start));
			if (updates == null) {
				// each placement change is an update of the period's placementStartDate
				Set<String> ids = periods.stream().map(Stage::id).collect(Collectors.toSet());
				updates = history.processes(child.record().caseRef())
					.stream()
					.filter(p -> ids.contains(p.id()))
					.collect(Collectors.toMap(ProcessRun::id, ProcessRun::updates));
			}
			List<LocalDate> placements = placements(updates.getOrDefault(s.id(), List.of()), span);
			LocalDate health = latest(lastMet(s, "iha", span), lastMet(s, "rha", span));
			List<Stage> missing = child.of(MISSING)
				.stream()
				.filter(m -> m.missingFrom() != null)
				.filter(m -> {
					LocalDate went = London.dateOf(m.missingFrom());
					return !went.isBefore(start) && (end == null || !went.isAfter(end)) && inTwelveMonthsTo(went, span.to());
				})
				.sorted(Comparator.comparing(Stage::missingFrom))
				.toList();
			Stage lastMissing = missing.isEmpty() ? null : missing.get(missing.size() - 1);
			Boolean offered = lastMissing == null ? null : lastMet(lastMissing, "rhi", span) != null;
			Boolean accepted = Boolean.TRUE.equals(offered) ? lastMissing.returnHomeInterviewAccepted() : null;
			rows.add(row(child, start).set(CLA_START, start)
				.set(SECOND_PERIOD, Codes.YES_NO_LETTERED.of(again))
				// a legal status is recorded once, when the child became looked after
				.set(LEGAL_STATUS_START, start)
				.set(LEGAL_STATUS, Codes.LEGAL_STATUS.of(s.legalStatus()))
				.set(CLA_REVIEW, lastMet(s, "cla-review", span))
				.set(CLA_VISIT, lastMet(s, "cla-visit", span))
				.set(HEALTH_ASSESSMENT, health)
				.set(DENTAL_CHECK, lastMet(s, "dental", span))
				.set(PLACEMENTS_IN_12_MONTHS, placementsInTwelveMonths(placements, end, span))
				.set(CLA_END, end)
				.set(PLACEMENT_START, placements.isEmpty() ? null : placements.get(placements.size() - 1))
				.set(MISSING_IN_12_MONTHS, (long) missing.size())
				.set(RHI_OFFERED, Codes.YES_NO_LETTERED.of(offered))
				.set(RHI_ACCEPTED, Codes.YES_NO_LETTERED.of(accepted)));
		}
		return rows;
	}

	/** The start dates of a period of care's placements up to the end of the span, oldest first. */
	private static List<LocalDate> placements(List<FieldUpdate> updates, Span span) {
		return updates.stream()
			.filter(u -> LookedAfterVariables.PLACEMENT_START_DATE.equals(u.name()) && u.value() != null)
			.map(u -> London.dateOf(London.toInstant(u.value())))
			.filter(d -> !d.isAfter(span.to()))
			.distinct()
			.sorted()
			.toList();
	}

	/** The placements the child was in at any time in the 12 months up to the end of the span. */
	private static long placementsInTwelveMonths(List<LocalDate> starts, LocalDate leftCare, Span span) {
		long count = 0;
		for (int i = 0; i < starts.size(); i++) {
			LocalDate ended = i + 1 < starts.size() ? starts.get(i + 1) : leftCare;
			if (ended == null || ended.isAfter(span.to().minusMonths(12))) {
				count++;
			}
		}
		return count;
	}

	/** List 9: the care leavers who had left care by the end of the period. */
	private List<AnnexRow> careLeavers(Child child, Span span) {
		List<AnnexRow> rows = new ArrayList<>();
		for (Stage s : child.of(CARE_LEAVER)) {
			if (span.upTo(s.leftCareDate()) == null) {
				continue;
			}
			String eligibility = LeavingCare.eligibility(child.record().dateOfBirth(), child.of(LOOKED_AFTER),
					span.to());
			rows.add(row(child, span.to()).set(ELIGIBILITY, Codes.ELIGIBILITY.of(eligibility)));
		}
		return rows;
	}

	/**
	 * The child's own columns and who held the child, common to lists 1–9: gender and ethnicity as the
	 * referral recorded them (the census codes, in the template's wording). Whether the child has a
	 * disability is set per list, in lists 4-9 ({@link #lists}).
	 */
	private static AnnexRow row(Child child, LocalDate on) {
		ChildCase record = child.record();
		LocalDate born = record.dateOfBirth();
		Long age = born == null || on == null || on.isBefore(born) ? null : (long) Period.between(born, on).getYears();
		return new AnnexRow(record.caseRef()).set(CHILD_ID, record.caseRef())
			.set(GENDER, Codes.GENDER.of(record.sex()))
			.set(ETHNICITY, Codes.ETHNICITY.of(record.ethnicity()))

			.set(DATE_OF_BIRTH, born)
			.set(AGE, age)
			.set(TEAM, child.held().team())
			.set(WORKER, child.held().worker());
	}

	// ---- helpers

	/** Whether the census's disability codes say the child has one (NONE: no); null when none are recorded. */
	private static Boolean disabled(ChildCase record) {
		return record.disabilities().isEmpty() ? null : !record.disabilities().equals(List.of("NONE"));
	}

	/** The date the latest met occurrence of a stage's clock stopped, up to the end of the span. */
	private static LocalDate lastMet(Stage stage, String ruleId, Span span) {
		return stage.metOn(ruleId)
			.stream()
			.filter(d -> !d.isAfter(span.to()))
			.max(Comparator.naturalOrder())
			.orElse(null);
	}

	/** In the 12 months up to and including {@code day}. */
	private static boolean inTwelveMonthsTo(LocalDate date, LocalDate day) {
		return !date.isAfter(day) && date.isAfter(day.minusMonths(12));
	}

	/** Started on or before {@code day} and not ended by then. */
	private static boolean openAt(LocalDate start, LocalDate end, LocalDate day) {
		return start != null && !start.isAfter(day) && (end == null || end.isAfter(day));
	}

	private static Stage byId(List<Stage> stages, String id) {
		return id == null ? null : stages.stream().filter(s -> s.id().equals(id)).findFirst().orElse(null);
	}

	private static LocalDate latest(LocalDate a, LocalDate b) {
		return Stream.of(a, b).filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(null);
	}

}
