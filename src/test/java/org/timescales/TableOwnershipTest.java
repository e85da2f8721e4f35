package org.timescales;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * One owner per table (issue 13): each table of ours is queried only by the classes of the module that
 * writes its rows; every other module calls the owner's public API. Checked on the sources: the SQL in
 * each file's string literals (text blocks included, literals joined by {@code +} read as one) naming a
 * table after {@code from}, {@code join}, {@code update} or {@code into} (word-bounded, any case; so
 * {@code delete from} and {@code insert into} too). Comments are not read. The engine's ACT_* and
 * Quartz's QRTZ_* tables are not ours: they are not checked here.
 */
class TableOwnershipTest {

	static final Path SOURCES = Path.of("src", "main", "java", "org", "timescales");

	static final Path MIGRATIONS = Path.of("src", "main", "resources", "db", "migration", "common");

	/** Each table of ours, and the module (package under org.timescales) that writes its rows and alone reads them. */
	static final Map<String, String> OWNERS = Map.ofEntries(
			// CaseRepository: a case and its referrals, written on intake, the case moved on a transfer
			Map.entry("child_case", "casefile"), Map.entry("referral", "casefile"),
			// Holdings: allocations and transfers, written by the allocation module through it
			Map.entry("allocation", "casefile"), Map.entry("case_transfer", "casefile"),
			// ChildDetails: every change of a child's census details
			Map.entry("child_detail_change", "casefile"),
			// ClockLedger (opened, stopped, extended); ClockChanges writes the corrections of the dates
			Map.entry("clock", "clock"), Map.entry("correction", "clock"),
			// EscalationLedger: raised and acknowledged by Escalations
			Map.entry("escalation", "escalation"),
			// MailOutbox queues, OutboxDelivery claims and marks sent
			Map.entry("mail_outbox", "notification"),
			// RecordViews: every read of a child's record
			Map.entry("record_view", "audit"),
			// MorningDigest: one row per digest sent
			Map.entry("morning_digest", "digest"));

	/**
	 * The one exception, for good: the escalation module joins its rows to their clocks (read only) in the
	 * two county-wide questions that filter or order escalations by their clock's columns (the reviews
	 * awaited on stopped clocks of a team; the breaches raised since the last digest, by due date and case
	 * in the database's collation). Split, the first would read every unacknowledged escalation of the
	 * county; the second could not keep its order. Both join each escalation to its own clock
	 * ({@code c.id = e.clock_id}) and write nothing there: EscalationLedger.awaitingReview and raisedBetween.
	 */
	static final Set<Allowed> ALLOWED = Set.of(new Allowed("escalation/EscalationLedger.java", "join", "clock"));

	/** A file that may name a table after a keyword although another module owns it. */
	record Allowed(String file, String keyword, String table) {
	}

	/** One place where a file's SQL names a table. */
	record Use(String file, String keyword, String table) {

		String module() {
			int slash = file.indexOf('/');
			return slash < 0 ? "" : file.substring(0, slash);
		}

	}

	private static final Pattern CREATE_TABLE = Pattern.compile("(?i)\\bcreate\\s+table\\s+(\\w+)");

	private static final Pattern NAMED = Pattern.compile("(?i)\\b(from|join|update|into)\\s+(\\w+)\\b");

	@Test
	void everyTableOfOursHasAnOwner() throws IOException {
		Set<String> tables = new TreeSet<>();
		try (Stream<Path> files = Files.list(MIGRATIONS)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".sql")).toList()) {
				Matcher created = CREATE_TABLE.matcher(Files.readString(file));
				while (created.find()) {
					tables.add(created.group(1).toLowerCase(Locale.ROOT));
				}
			}
		}
		assertThat(tables).as("the tables created in %s; a new one needs an owner in OWNERS", MIGRATIONS)
			.isEqualTo(new TreeSet<>(OWNERS.keySet()));
	}

	@Test
	void onlyTheOwnerQueriesItsTable() {
		List<String> trespasses = new ArrayList<>();
		for (Use use : uses()) {
			String owner = OWNERS.get(use.table());
			if (!owner.equals(use.module()) && !ALLOWED.contains(new Allowed(use.file(), use.keyword(), use.table()))) {
				trespasses.add(use.file() + ": " + use.keyword() + " " + use.table() + " (owned by org.timescales."
						+ owner + ": call its public API)");
			}
		}
		assertThat(trespasses.stream().distinct()).as("SQL on a table outside its owner's module").isEmpty();
	}

	@Test
	void theExceptionsAreStillNeeded() {
		List<Use> uses = uses();
		for (Allowed allowed : ALLOWED) {
			assertThat(uses).as("%s is allowed but no longer needed: remove it from ALLOWED", allowed)
				.contains(new Use(allowed.file(), allowed.keyword(), allowed.table()));
		}
	}

	@Test
	void theScanFindsSqlAndOnlySql() {
		String source = """
				class Sample {
					// select * from clock (a comment, not read)
					String a = "select id FROM  Clock c where c.team = ?";
					String b = \"""
							update escalation
							set tier = 2\""";
					String c = "select count(*) from" + " mail_outbox";
					String d = "from clocks, join clock_id, into the referral"; // none of these is a table
					char e = '"';
					String f = "delete from record_view";
				}
				""";
		assertThat(named(source)).containsExactly("from clock", "update escalation", "from mail_outbox",
				"from record_view");
	}

	/** Every place a file of src/main/java names one of our tables in SQL, by path under org/timescales. */
	static List<Use> uses() {
		List<Use> uses = new ArrayList<>();
		sources().forEach((file, source) -> named(source).forEach(named -> {
			String[] keywordAndTable = named.split(" ");
			uses.add(new Use(file, keywordAndTable[0], keywordAndTable[1]));
		}));
		return uses;
	}

	/** Each of our tables the source's SQL names, as "keyword table" in lower case, in the order written. */
	static List<String> named(String source) {
		List<String> named = new ArrayList<>();
		for (String sql : stringsOf(source)) {
			Matcher m = NAMED.matcher(sql);
			while (m.find()) {
				String table = m.group(2).toLowerCase(Locale.ROOT);
				if (OWNERS.containsKey(table)) {
					named.add(m.group(1).toLowerCase(Locale.ROOT) + " " + table);
				}
			}
		}
		return named;
	}

	private static Map<String, String> sources() {
		Map<String, String> sources = new TreeMap<>();
		try (Stream<Path> files = Files.walk(SOURCES)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
				sources.put(SOURCES.relativize(file).toString().replace('\\', '/'), Files.readString(file));
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		assertThat(sources).as("Java sources under %s", SOURCES).isNotEmpty();
		return sources;
	}

	/**
	 * The string literals of a Java source (text blocks too), escapes left as written; literals joined
	 * only by {@code +} come back as one string, so SQL split over lines is read whole.
	 */
	static List<String> stringsOf(String source) {
		List<String> strings = new ArrayList<>();
		int previousEnd = -1;
		int i = 0;
		while (i < source.length()) {
			if (source.startsWith("//", i)) {
				int eol = source.indexOf('\n', i);
				i = eol < 0 ? source.length() : eol;
			}
			else if (source.startsWith("/*", i)) {
				int end = source.indexOf("*/", i + 2);
				i = end < 0 ? source.length() : end + 2;
			}
			else if (source.charAt(i) == '\'') {
				i = closing(source, i + 1, "'") + 1;
			}
			else if (source.charAt(i) == '"') {
				String quote = source.startsWith("\"\"\"", i) ? "\"\"\"" : "\"";
				int end = closing(source, i + quote.length(), quote);
				String literal = source.substring(i + quote.length(), end);
				boolean joined = previousEnd >= 0 && source.substring(previousEnd, i).strip().equals("+");
				if (joined) {
					strings.set(strings.size() - 1, strings.get(strings.size() - 1) + literal);
				}
				else {
					strings.add(literal);
				}
				i = end + quote.length();
				previousEnd = i;
			}
			else {
				i++;
			}
		}
		return strings;
	}

	/** Where the literal opened before {@code from} closes: the next {@code quote} not escaped by a backslash. */
	private static int closing(String source, int from, String quote) {
		int i = from;
		while (i < source.length() && !source.startsWith(quote, i)) {
			i += source.charAt(i) == '\\' ? 2 : 1;
		}
		return Math.min(i, source.length());
	}

}
