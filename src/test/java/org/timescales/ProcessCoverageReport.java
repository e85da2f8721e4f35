package org.timescales;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.camunda.community.process_test_coverage.core.export.CoverageStateJsonExporter;
import org.camunda.community.process_test_coverage.core.export.CoverageStateResult;
import org.camunda.community.process_test_coverage.core.model.Model;
import org.camunda.community.process_test_coverage.report.CoverageReportUtil;

/**
 * Adds up the per-class reports of the process tests ({@link ProcessCoverage}) into one, as the
 * library's report aggregator would (not served here): target/process-test-coverage/all/report.html
 * and report.json, and summary.txt with the figures, also printed. Run by {@code mvn verify} after the
 * tests; a figure is the share of a process's flow nodes and sequence flows that some process test
 * went through.
 */
public final class ProcessCoverageReport {

	static final Path REPORTS = Path.of("target", "process-test-coverage");

	static final Path ALL = REPORTS.resolve("all");

	private ProcessCoverageReport() {
	}

	public static void main(String[] args) throws IOException {
		List<Path> reports = classReports();
		if (reports.isEmpty()) {
			System.out.println("Process coverage: no process test reports under " + REPORTS);
			return;
		}
		String combined = null;
		for (Path report : reports) {
			String json = Files.readString(report);
			combined = combined == null ? json : CoverageStateJsonExporter.combineCoverageStateResults(combined, json);
		}
		CoverageReportUtil.writeReport(combined, true, ALL.toFile(), "report.html", CoverageReportUtil::generateHtml);
		CoverageReportUtil.writeReport(combined, false, ALL.toFile(), "report.json", json -> json);
		String summary = summary(CoverageStateJsonExporter.readCoverageStateResult(combined), reports.size());
		Files.writeString(ALL.resolve("summary.txt"), summary);
		System.out.print(summary);
	}

	private static List<Path> classReports() throws IOException {
		if (!Files.isDirectory(REPORTS)) {
			return List.of();
		}
		try (Stream<Path> dirs = Files.list(REPORTS)) {
			return dirs.filter(dir -> !dir.equals(ALL))
				.map(dir -> dir.resolve("report.json"))
				.filter(Files::isRegularFile)
				.sorted()
				.toList();
		}
	}

	static String summary(CoverageStateResult result, int classes) throws IOException {
		List<Model> models = new ArrayList<>(result.getModels());
		models.sort(Comparator.comparing(Model::getKey));
		int covered = models.stream().mapToInt(m -> covered(result, m)).sum();
		int total = models.stream().mapToInt(Model::getTotalElementCount).sum();
		StringBuilder text = new StringBuilder();
		text.append(String.format(Locale.UK, "Process coverage of %d process test classes: %s (%d of %d elements)%n",
				classes, percent(result.calculateCoverage(models)), covered, total));
		for (Model model : models) {
			text.append(String.format(Locale.UK, "  %-22s %7s (%d of %d)%n", model.getKey(),
					percent(result.calculateCoverage(model)), covered(result, model), model.getTotalElementCount()));
		}
		for (String untouched : untouched(models)) {
			text.append(String.format(Locale.UK, "  %-22s %7s (no process test starts it)%n", untouched, percent(0)));
		}
		return text.toString();
	}

	private static int covered(CoverageStateResult result, Model model) {
		return result.getEventsDistinct(model.getKey()).size();
	}

	/** The BPMN files no process test went into at all: the report knows only the models it saw. */
	private static List<String> untouched(List<Model> models) throws IOException {
		List<String> seen = models.stream().map(Model::getKey).toList();
		try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
			return files.map(file -> file.getFileName().toString())
				.filter(name -> name.endsWith(".bpmn"))
				.map(name -> name.substring(0, name.length() - ".bpmn".length()))
				.filter(key -> !seen.contains(key))
				.sorted()
				.toList();
		}
	}

	private static String percent(double share) {
		return String.format(Locale.UK, "%.1f%%", share * 100);
	}

}
