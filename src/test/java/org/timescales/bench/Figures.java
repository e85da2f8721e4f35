package org.timescales.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The benchmark's results: one row per figure, Timescales beside the bare engine, printed as a Markdown table. */
final class Figures {

	record Row(String scenario, String figure, String timescales, String bareEngine, String target, String verdict) {
	}

	private final List<Row> rows = new ArrayList<>();

	/** The run's scale: a figure whose target is set at full scale is not judged in a scaled run. */
	private final double scale;

	Figures(double scale) {
		this.scale = scale;
	}

	private final List<String> notes = new ArrayList<>();

	/** A figure whose target holds at any scale (a rate, a ratio to the bare engine in the same run). */
	void add(String scenario, String figure, String timescales, String bareEngine, String target, Boolean met) {
		row(scenario, figure, timescales, bareEngine, target, met == null ? "" : met ? "met" : "MISSED");
	}

	/**
	 * A figure whose target is set for the full scale (10,000 deadlines in 120 s, a year in 15
	 * minutes, p95 at 100,000 open tasks): judged only in a run at scale 1; a scaled run says so instead.
	 */
	void addAtFullScale(String scenario, String figure, String timescales, String bareEngine, String target,
			boolean met) {
		row(scenario, figure, timescales, bareEngine, target,
				scale < 1 ? "not judged (scale " + scale + ")" : met ? "met" : "MISSED");
	}

	/** Timescales' figure over the bare engine's, for "≥ k × the bare engine" targets. */
	static String ratio(double timescales, double bareEngine) {
		return String.format("%.2f", timescales / bareEngine);
	}

	private void row(String scenario, String figure, String timescales, String bareEngine, String target,
			String verdict) {
		Row row = new Row(scenario, figure, timescales, bareEngine, target, verdict);
		rows.add(row);
		System.out.printf("  %-12s %-48s %14s %14s %s%n", scenario, figure, timescales, bareEngine,
				target.isEmpty() ? "" : "(target " + target + ": " + row.verdict() + ")");
	}

	void note(String text) {
		notes.add(text);
		System.out.println("  note: " + text);
	}

	String markdown(String title) {
		StringBuilder out = new StringBuilder();
		out.append("### ").append(title).append("\n\n");
		out.append("| Scenario | Figure | Timescales | Bare engine | Target | |\n|---|---|---:|---:|---|---|\n");
		for (Row r : rows) {
			out.append("| ")
				.append(String.join(" | ", r.scenario(), r.figure(), r.timescales(), r.bareEngine(), r.target(),
						r.verdict()))
				.append(" |\n");
		}
		if (!notes.isEmpty()) {
			out.append('\n');
			notes.forEach(n -> out.append("- ").append(n).append('\n'));
		}
		return out.toString();
	}

	void write(Path file, String title) throws IOException {
		Files.createDirectories(file.getParent());
		Files.writeString(file, markdown(title));
	}

	/** Latencies in nanoseconds. */
	static final class Latencies {

		private long[] values = new long[1024];

		private int size;

		synchronized void add(long nanos) {
			if (size == values.length) {
				values = Arrays.copyOf(values, size * 2);
			}
			values[size++] = nanos;
		}

		synchronized double percentileMs(double p) {
			if (size == 0) {
				return Double.NaN;
			}
			long[] sorted = Arrays.copyOf(values, size);
			Arrays.sort(sorted);
			int index = (int) Math.ceil(p / 100.0 * size) - 1;
			return sorted[Math.max(0, Math.min(size - 1, index))] / 1e6;
		}

		synchronized int count() {
			return size;
		}

	}

	static String ms(double ms) {
		return ms >= 100 ? String.format("%.0f ms", ms) : String.format("%.1f ms", ms);
	}

	static String seconds(double s) {
		return s >= 120 ? String.format("%.0f s (%.1f min)", s, s / 60) : String.format("%.1f s", s);
	}

	static String rate(double perSecond) {
		return String.format("%.0f/s", perSecond);
	}

	static String count(long n) {
		return String.format("%,d", n);
	}

}
