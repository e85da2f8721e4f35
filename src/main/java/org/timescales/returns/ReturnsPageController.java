package org.timescales.returns;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.timescales.calendar.London;

/**
 * The returns page {@code /reports/returns}: the CIN census and Annex A downloaded by someone signed in to
 * our pages (the API's {@code /api/returns/...} asks for basic credentials, which a browser pops up as a
 * bare password box). A census the DfE's rules would reject is shown as a table of what to put right,
 * each child linked to its case page, instead of the API's 409 problem detail. The same exports, roles
 * and read log as the API.
 */
@Controller
class ReturnsPageController {

	private static final DateTimeFormatter UK = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private final CinCensusExport export;

	private final Clock clock;

	ReturnsPageController(CinCensusExport export, Clock clock) {
		this.export = export;
		this.clock = clock;
	}

	@GetMapping("/reports/returns")
	String page(Authentication authentication, Model model) {
		CinCensusController.requireMayExport(authentication);
		return page(model);
	}

	@GetMapping("/reports/returns/cin-census")
	Object census(@RequestParam int year, Authentication authentication, Model model) {
		CinCensusController.requireMayExport(authentication);
		CinCensusController.requireYear(year);
		try {
			CinCensusExport.Census census = export.export(year);
			if (census == null) {
				model.addAttribute("censusProblem", "No child had a child in need episode open between 01/04/"
						+ (year - 1) + " and 31/03/" + year + ": there is nothing to return.");
				return withStatus(page(model), HttpStatus.NOT_FOUND);
			}
			return CinCensusController.download(year, census);
		}
		catch (CinCensusExport.RejectedCensusException rejected) {
			model.addAttribute("censusYear", year);
			model.addAttribute("failures", rejected.failures());
			return withStatus(page(model), HttpStatus.CONFLICT);
		}
	}

	private String page(Model model) {
		LocalDate today = London.dateOf(clock.instant());
		// the collection year now open ends on the next 31 March; Annex A's period defaults to the last six months
		int openYear = today.getMonthValue() >= 4 ? today.getYear() + 1 : today.getYear();
		model.addAttribute("years", CinCensusExport.YEARS.stream().sorted().toList());
		model.addAttribute("defaultYear", CinCensusExport.YEARS.contains(openYear) ? openYear
				: CinCensusExport.YEARS.stream().max(Integer::compare).orElseThrow());
		model.addAttribute("annexFrom", today.minusMonths(6).plusDays(1));
		model.addAttribute("annexTo", today);
		model.addAttribute("today", UK.format(today));
		return "returns";
	}

	private static ModelAndView withStatus(String view, HttpStatus status) {
		ModelAndView answer = new ModelAndView(view);
		answer.setStatus(status);
		return answer;
	}

}
