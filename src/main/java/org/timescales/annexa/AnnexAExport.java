package org.timescales.annexa;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;
import org.timescales.audit.RecordViews;
import org.timescales.calendar.London;
import org.timescales.casefile.CaseRepository;
import org.timescales.casefile.ChildCase;
import org.timescales.casefile.Holdings;
import org.timescales.casefile.ReferralRecord;
import org.timescales.casehistory.CaseHistory;
import org.timescales.casehistory.Stage;
import org.timescales.lookedafter.LookedAfterVariables;
import org.timescales.referral.ReferralVariables;

import static org.timescales.pathway.PathwayVariables.CHILD_IN_NEED_PLAN;
import static org.timescales.pathway.PathwayVariables.CHILD_PROTECTION_PLAN;
import static org.timescales.pathway.PathwayVariables.SECTION_47;

/**
 * The Ofsted ILACS Annex A lists 1–8 for a period, as an .xlsx workbook (Apache POI): one sheet per
 * list, the template's column headings, one row per event.
 * <p>
 * Which rows: list 3 a referral received in the period; list 5 a section 47 enquiry (strategy
 * discussion) started in the period; lists 4, 6, 7, 8 an assessment, child in need plan, protection
 * plan or period of care open at any time in the period (started on or before {@code to}, not ended
 * before {@code from}). Dates after {@code to} are left out (the lists are as at the end of the
 * period). Lists 1 (contacts) and 2 (early help) have their headings and no rows: Timescales does not
 * hold contacts or early help. Gender, ethnicity and disability are not held: their cells are empty.
 * "Age of Child (Years)" is the age on the date the row counts from (referral, assessment start, …).
 * "Number of referrals in last 12 months" counts the child's referrals received in the 12 months up to
 * and including this one. "Allocated Team" and "Allocated Worker" are who held the child at the end of
 * the period, from the allocations and transfers recorded (the worker empty when the child was unallocated).
 */
@Component
public class AnnexAExport {

	/** What the read log says each included child's record was read for. */
	public static final String RECORD_VIEW = "annex-a";

	static final List<String> CHILD = List.of("Child Unique ID", "Gender", "Ethnicity", "Date of Birth",
			"Age of Child (Years)", "Disability");

	static final List<String> ALLOCATED = List.of("Allocated Team", "Allocated Worker");

	/** Sheet names (Excel allows 31 characters: list 5 is shortened). */
	public static final List<String> SHEETS = List.of("List 1 Contacts", "List 2 Early help", "List 3 Referrals",
			"List 4 Assessments", "List 5 S47 enquiries and ICPCs", "List 6 Children in need",
			"List 7 Child protection plans", "List 8 Children in care");

	static final List<String> LIST_1 = concat(CHILD, List.of("Date of Contact", "Contact Source"));

	static final List<String> LIST_2 = concat(CHILD, List.of("Early Help Assessment Start Date",
			"Early Help Assessment End Date", "Organisation completing Early Help Assessment"));

	static final List<String> LIST_3 = concat(CHILD, List.of("Date of referral", "Referral Source", "Referral NFA?",
			"Number of referrals in last 12 months"), ALLOCATED);

	static final List<String> LIST_4 = concat(CHILD, List.of("Continuation of referral?", "Assessment start date",
			"Assessment completed date", "Assessment outcome"), ALLOCATED);

	static final List<String> LIST_5 = concat(CHILD,
			List.of("Strategy discussion initiating Section 47 Enquiry", "Section 47 enquiry start date",
					"Section 47 enquiry completed date", "Date of Initial Child Protection Conference",
					"Did the ICPC result in a Child Protection Plan?"),
			ALLOCATED);

	static final List<String> LIST_6 = concat(CHILD, List.of("CIN plan start date", "CIN plan end date"), ALLOCATED);

	static final List<String> LIST_7 = concat(CHILD,
			List.of("Child Protection Plan Start Date", "Initial Category of Abuse", "Latest Category of Abuse",
					"Date of last review conference", "Child Protection Plan End Date",
					"Number of previous Child Protection Plans", "Date of last statutory visit",
					"Was the child seen alone?"),
			ALLOCATED);

	static final List<String> LIST_8 = concat(CHILD,
			List.of("Date started to be looked after", "Legal Status", "Date of last statutory visit",
					"Date of last health assessment", "Date of last dental check", "Date ceased to be looked after"),
			ALLOCATED);

	static final List<List<String>> HEADERS = List.of(LIST_1, LIST_2, LIST_3, LIST_4, LIST_5, LIST_6, LIST_7, LIST_8);

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

	/** Builds the lists for {@code from}–{@code to} (inclusive); each child in them is recorded in the read log. */
	public AnnexA export(LocalDate from, LocalDate to) {
		List<List<List<Object>>> lists = lists(from, to);
		Set<String> children = new LinkedHashSet<>();
		lists.forEach(list -> list.forEach(row -> children.add((String) row.get(0))));
		children.forEach(caseRef -> views.record(caseRef, RECORD_VIEW));
		return new AnnexA(write(lists), List.copyOf(children));
	}

	// ---- reading

	private List<List<List<Object>>> lists(LocalDate from, LocalDate to) {
		List<List<List<Object>>> lists = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			lists.add(new ArrayList<>());
		}
		for (String caseRef : history.casesReferredBy(to)) {
			ChildCase child = cases.findCase(caseRef).orElse(null);
			if (child == null) {
				continue;
			}
			List<Stage> stages = history.stages(caseRef);
			Holdings.Held held = holdings.heldAt(caseRef, London.endOfDay(to), child.team());
			List<Object> allocated = new ArrayList<>();
			allocated.add(held.team());
			allocated.add(held.worker() == null ? "" : held.worker());

			// List 3: referrals received in the period
			List<ReferralRecord> referrals = cases.referralsOf(caseRef);
			for (ReferralRecord referral : referrals) {
				Stage s = byId(stages, referral.processInstanceId());
				LocalDate referred = London.dateOf(s != null && s.referralReceivedAt() != null ? s.referralReceivedAt()
						: referral.receivedAt());
				if (!in(referred, from, to)) {
					continue;
				}
				long inTwelveMonths = referrals.stream()
					.map(r -> London.dateOf(r.receivedAt()))
					.filter(d -> !d.isAfter(referred) && d.isAfter(referred.minusMonths(12)))
					.count();
				String decision = s == null ? null : s.referralDecision();
				String nfa = decision == null ? null : "NFA".equals(decision) ? "Yes" : "No";
				lists.get(2).add(row(child, referred, List.of(referred, referral.source(), opt(nfa), inTwelveMonths),
						allocated));
			}
			for (Stage s : stages) {
				switch (s.process()) {
					case ReferralVariables.PROCESS_KEY -> {
						// List 4: the assessment of a referral decided ASSESSMENT
						if (!"ASSESSMENT".equals(s.referralDecision())) {
							break;
						}
						LocalDate start = upTo(s.assessmentStartDate(), to);
						LocalDate completed = upTo(s.assessmentAuthorisedDate(), to);
						LocalDate began = start != null ? start : s.referralDecisionDate();
						if (began == null || began.isAfter(to) || (completed != null && completed.isBefore(from))) {
							break;
						}
						String outcome = completed == null ? null : s.assessmentOutcome();
						lists.get(3).add(row(child, began, List.of("Yes", opt(start), opt(completed), opt(outcome)),
								allocated));
					}
					case SECTION_47 -> {
						LocalDate start = s.s47StartDate();
						if (start == null) {
							start = s.strategyDiscussionAt() == null ? null : London.dateOf(s.strategyDiscussionAt());
						}
						if (!in(start, from, to)) {
							break;
						}
						LocalDate completed = upTo(s.s47CompletedDate(), to);
						LocalDate icpc = upTo(s.icpcDate(), to);
						Boolean plan = icpc == null ? null : s.planRequired();
						String planned = plan == null ? null : plan ? "Yes" : "No";
						lists.get(4).add(row(child, start, List.of(start, start, opt(completed), opt(icpc), opt(planned)),
								allocated));
					}
					case CHILD_IN_NEED_PLAN -> {
						LocalDate start = s.cinPlanStartDate();
						LocalDate end = upTo(s.cinPlanEndDate(), to);
						if (open(start, end, from, to)) {
							lists.get(5).add(row(child, start, List.of(start, opt(end)), allocated));
						}
					}
					case CHILD_PROTECTION_PLAN -> {
						LocalDate start = s.cppStartDate();
						LocalDate end = upTo(s.cppEndDate(), to);
						if (!open(start, end, from, to)) {
							break;
						}
						String latest = s.latestCategoryOfAbuse() != null ? s.latestCategoryOfAbuse()
								: s.categoryOfAbuse();
						lists.get(6).add(row(child, start,
								List.of(start, opt(s.categoryOfAbuse()), opt(latest), opt(lastMet(s, "rcpc", to)),
										opt(end), s.numberOfPreviousPlans(), opt(lastMet(s, "cp-visit", to)), ""),
								allocated));
					}
					case LookedAfterVariables.PROCESS_KEY -> {
						LocalDate start = s.becameLookedAfterDate();
						LocalDate end = upTo(s.leftCareDate(), to);
						if (!open(start, end, from, to)) {
							break;
						}
						LocalDate health = latest(lastMet(s, "iha", to), lastMet(s, "rha", to));
						lists.get(7).add(row(child, start,
								List.of(start, opt(s.legalStatus()), opt(lastMet(s, "cla-visit", to)), opt(health),
										opt(lastMet(s, "dental", to)), opt(end)),
								allocated));
					}
					default -> {
					}
				}
			}
		}
		return lists;
	}

	/** The date the latest met occurrence of a stage's clock stopped, on or before {@code to}. */
	private static LocalDate lastMet(Stage stage, String ruleId, LocalDate to) {
		return stage.metOn(ruleId).stream().filter(d -> !d.isAfter(to)).max(Comparator.naturalOrder()).orElse(null);
	}

	private static List<Object> row(ChildCase child, LocalDate at, List<Object> values, List<Object> allocated) {
		List<Object> row = new ArrayList<>();
		row.add(child.caseRef());
		row.add("");
		row.add("");
		row.add(child.dateOfBirth());
		row.add(at == null ? "" : (Object) (long) Period.between(child.dateOfBirth(), at).getYears());
		row.add("");
		row.addAll(values);
		row.addAll(allocated);
		return row;
	}

	// ---- writing

	private static byte[] write(List<List<List<Object>>> lists) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			CellStyle dateStyle = workbook.createCellStyle();
			dateStyle.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
			CellStyle headerStyle = workbook.createCellStyle();
			var bold = workbook.createFont();
			bold.setBold(true);
			headerStyle.setFont(bold);
			for (int i = 0; i < SHEETS.size(); i++) {
				Sheet sheet = workbook.createSheet(SHEETS.get(i));
				List<String> headers = HEADERS.get(i);
				Row header = sheet.createRow(0);
				for (int c = 0; c < headers.size(); c++) {
					header.createCell(c).setCellValue(headers.get(c));
					header.getCell(c).setCellStyle(headerStyle);
				}
				int r = 1;
				for (List<Object> values : lists.get(i)) {
					Row row = sheet.createRow(r++);
					for (int c = 0; c < values.size(); c++) {
						Object value = values.get(c);
						var cell = row.createCell(c);
						if (value instanceof LocalDate date) {
							cell.setCellValue(date);
							cell.setCellStyle(dateStyle);
						}
						else if (value instanceof Number number) {
							cell.setCellValue(number.doubleValue());
						}
						else if (value != null && !"".equals(value)) {
							cell.setCellValue(String.valueOf(value));
						}
					}
				}
				sheet.createFreezePane(0, 1);
				for (int c = 0; c < headers.size(); c++) {
					sheet.setColumnWidth(c, Math.min(255, Math.max(12, headers.get(c).length() + 2)) * 256);
				}
			}
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new IllegalStateException("Could not write the Annex A workbook", e);
		}
	}

	// ---- helpers

	private static Stage byId(List<Stage> stages, String id) {
		return id == null ? null : stages.stream().filter(s -> s.id().equals(id)).findFirst().orElse(null);
	}

	private static boolean in(LocalDate date, LocalDate from, LocalDate to) {
		return date != null && !date.isBefore(from) && !date.isAfter(to);
	}

	private static boolean open(LocalDate start, LocalDate end, LocalDate from, LocalDate to) {
		return start != null && !start.isAfter(to) && (end == null || !end.isBefore(from));
	}

	private static LocalDate upTo(LocalDate date, LocalDate to) {
		return date == null || date.isAfter(to) ? null : date;
	}

	private static LocalDate latest(LocalDate a, LocalDate b) {
		return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
	}

	private static Object opt(Object value) {
		return Optional.ofNullable(value).orElse("");
	}

	@SafeVarargs
	private static List<String> concat(List<String>... parts) {
		List<String> all = new ArrayList<>();
		for (List<String> part : parts) {
			all.addAll(part);
		}
		return List.copyOf(all);
	}


}
