package org.rapport.platform.data;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import com.zaxxer.hikari.HikariDataSource;
import org.rapport.bench.SearchBenchmark;
import org.rapport.bench.SearchBenchmark.Conditions;
import org.rapport.platform.AccessScope;
import org.rapport.platform.access.RecordAccess;
import org.rapport.platform.db.DatabaseSettings;
import org.rapport.platform.text.Indexing;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Measures, for each name fragment of a search benchmark's sample, what each way of finishing a page of
 * {@link SortedSearch} costs on this machine and database, and which costs of its model ({@link SortedSearch.Costs})
 * would have chosen the cheaper way most often. Not a unit test; run it with
 * {@code java} as docs/benchmarks.md shows (run 19).
 * <p>
 * For each fragment, one client, warm (each timing the least of {@code costs.repeat} runs): the probe of
 * {@value SortedSearch#PROBE} rows, the count of each term's matches among them, how many rows a walk in list order
 * reads to fill the page and how long that walk takes (rarest term first, as a real walk), and how long collecting
 * every match through the search indexes takes. From those, the time a search would have taken under given costs
 * is the probe's, plus the walk's share up to the rows the model would walk, plus the collection if the walk was not
 * chosen or ran out.
 * <p>
 * Settings (system properties): {@code costs.from} (a folder written by {@code SearchBenchmark -Dbench.dump}, whose
 * name fragments are measured), {@code costs.jdbc}, {@code costs.dbUser}, {@code costs.repeat} (2),
 * {@code costs.rep} (a user name: measure that sales rep's searches too, through the owner parts of a walk),
 * {@code costs.out} (a file for the measurements, tab-separated) and {@code costs.in} (such files, separated by
 * commas: fit from them without measuring).
 */
public final class SearchCosts {

	/** Most rows walked to find how many a page needs. */
	static final int MOST = 400_000;

	static final int ROWS = 26;

	private static final String COLUMNS = "c.id, c.first_name, c.last_name, c.display_name, c.title, c.emails, c.phones, "
			+ "c.account_id, c.company_name, c.street, c.city, c.region, c.postal_code, c.country, c.lifecycle_stage, "
			+ "c.source, c.owner_id, c.tags, c.custom, c.sort_name, c.created_at, c.updated_at, c.version";

	/**
	 * What one search costs each way, in milliseconds.
	 *
	 * @param scope whose search (ALL: the admin's; OWN: a sales rep's)
	 * @param kind kind of fragment
	 * @param q the fragment
	 * @param rareMs the bounded collection tried first for terms expected to be rare, or -1
	 * @param rareDone whether that collection was the page (at most {@value SortedSearch#RARE} matches)
	 * @param found matches in the probe
	 * @param probeMs the probe
	 * @param termMatches each term's matches in the probe (empty when not counted)
	 * @param countMs counting them
	 * @param need rows a walk in list order reads to fill the page, or -1 beyond {@value #MOST}
	 * @param walkMs that walk, or -1
	 * @param collectMs collecting every match and sorting them
	 * @param tableSize the planner's row count of the table
	 */
	record Search(String scope, String kind, String q, double rareMs, boolean rareDone, int found, double probeMs,
			int[] termMatches, double countMs, long need, double walkMs, double collectMs, long tableSize) {

		String line() {
			return String.join("\t", scope, kind, q, fmt(rareMs), Boolean.toString(rareDone), Integer.toString(found),
					fmt(probeMs), Arrays.toString(termMatches).replace(" ", ""), fmt(countMs), Long.toString(need),
					fmt(walkMs), fmt(collectMs), Long.toString(tableSize));
		}

		static Search parse(String line) {
			String[] f = line.split("\t", -1);
			String counts = f[7].substring(1, f[7].length() - 1);
			int[] terms = counts.isEmpty() ? new int[0]
					: Arrays.stream(counts.split(",")).mapToInt(Integer::parseInt).toArray();
			return new Search(f[0], f[1], f[2], Double.parseDouble(f[3]), Boolean.parseBoolean(f[4]),
					Integer.parseInt(f[5]), Double.parseDouble(f[6]), terms, Double.parseDouble(f[8]), Long.parseLong(f[9]),
					Double.parseDouble(f[10]), Double.parseDouble(f[11]), Long.parseLong(f[12]));
		}

		/**
		 * The time this search takes when the model has these costs: the probe, then the walk it chooses (the rows it
		 * needs beyond the probe, at this search's cost a row, when the model walks as far) or the collection.
		 */
		double timeWith(SortedSearch.Costs costs) {
			if (rareDone) {
				return rareMs;
			}
			double before = Math.max(rareMs, 0) + probeMs;
			if (found >= ROWS) {
				// the probe filled the page (25 shown and one to tell that more follow)
				return before;
			}
			before += countMs;
			long walk = SortedSearch.furtherWalk(found, ROWS, tableSize, SortedSearch.PROBE, termMatches, costs);
			if (walk == 0) {
				return before + collectMs;
			}
			if (need < 0) {
				// more than MOST rows: the walk runs out
				return before + walk * perRow() + collectMs;
			}
			long rest = Math.max(need - SortedSearch.PROBE, 0);
			return rest <= walk ? before + rest * perRow() : before + walk * perRow() + collectMs;
		}

		/** A walked row's cost in this search (its terms tested, rarest first), or the most any search measured. */
		double perRow() {
			return need > 0 ? walkMs / need : 0.0012;
		}

		/** The cheaper way's time after the probe (the best any model could do). */
		double best() {
			if (rareDone) {
				return rareMs;
			}
			double before = Math.max(rareMs, 0) + probeMs;
			if (found >= ROWS) {
				return before;
			}
			double walk = need < 0 ? Double.MAX_VALUE : Math.max(need - SortedSearch.PROBE, 0) * perRow();
			return before + countMs + Math.min(walk, collectMs);
		}

	}

	private final JdbcClient jdbc;

	private final TransactionTemplate readOnly;

	private final RecordAccess access;

	private final int repeat = Integer.getInteger("costs.repeat", 2);

	private SearchCosts(String url) throws Exception {
		HikariDataSource db = SearchBenchmark.pool(url, System.getProperty("costs.dbUser", "postgres"), "", 1,
				DatabaseSettings.SESSION_SETTINGS);
		jdbc = JdbcClient.create(db);
		readOnly = new TransactionTemplate(new JdbcTransactionManager(db));
		readOnly.setReadOnly(true);
		access = SearchBenchmark.sqlBuilder();
	}

	public static void main(String[] args) throws Exception {
		List<Search> searches = new ArrayList<>();
		String in = System.getProperty("costs.in", "");
		if (!in.isBlank()) {
			for (String file : in.split(",")) {
				Files.readAllLines(Path.of(file)).stream().skip(1).map(Search::parse).forEach(searches::add);
			}
		}
		else {
			searches = new SearchCosts(System.getProperty("costs.jdbc", "jdbc:postgresql://127.0.0.1:5432/rapport_bench"))
				.measureAll(Path.of(System.getProperty("costs.from")));
		}
		fit(searches);
	}

	private List<Search> measureAll(Path from) throws Exception {
		List<String> kinds = Files.readAllLines(from.resolve("name-kinds.txt"));
		List<String> names = Files.readAllLines(from.resolve("name-paths.txt")).stream()
			.map(p -> java.net.URLDecoder.decode(p.substring(p.indexOf("&q=") + 3), StandardCharsets.UTF_8))
			.toList();
		List<AccessScope> scopes = new ArrayList<>(List.of(new AccessScope(AccessScope.Kind.ALL, 1, List.of())));
		String rep = System.getProperty("costs.rep", "");
		if (!rep.isBlank()) {
			long repId = jdbc.sql("select id from users where lower(username) = lower(?)").param(rep).query(Long.class)
				.single();
			scopes.add(new AccessScope(AccessScope.Kind.OWN, repId, List.of(repId)));
		}
		String out = System.getProperty("costs.out", "search-costs.tsv");
		List<String> lines = new ArrayList<>(List.of(
				"scope\tkind\tq\trareMs\trareDone\tfound\tprobeMs\ttermMatches\tcountMs\tneed\twalkMs\tcollectMs\ttableSize"));
		List<Search> searches = new ArrayList<>();
		List<String> seen = new ArrayList<>();
		for (AccessScope scope : scopes) {
			for (int k = 0; k < names.size(); k++) {
				String key = scope.kind() + " " + names.get(k);
				if (seen.contains(key)) {
					continue;
				}
				seen.add(key);
				Search s = measure(scope, kinds.get(k), names.get(k));
				searches.add(s);
				lines.add(s.line());
				if (searches.size() % 50 == 0) {
					System.out.println("measured " + searches.size() + " searches");
					Files.write(Path.of(out), lines);
				}
			}
		}
		Files.write(Path.of(out), lines);
		System.out.println("wrote " + out);
		return searches;
	}

	private Conditions conditions(AccessScope scope, String q) {
		return Conditions.of(access, scope, q);
	}

	private Search measure(AccessScope scope, String kind, String q) {
		Keyset keyset = Keyset.of(null, "-updatedAt");
		RowMapper<Integer> read = (rs, i) -> {
			for (int col = 1; col <= rs.getMetaData().getColumnCount(); col++) {
				rs.getObject(col);
			}
			return 1;
		};
		double rareMs = -1;
		boolean rareDone = false;
		if (Indexing.likelyRare(q)) {
			Conditions c = conditions(scope, q);
			rareMs = time(() -> SortedSearch.collectRare(jdbc, "contacts", "c", COLUMNS, c.query(), c.position(), keyset,
					ROWS, read));
			rareDone = inTransaction(() -> SortedSearch.collectRare(jdbc, "contacts", "c", COLUMNS, c.query(),
					c.position(), keyset, ROWS, read)) != null;
		}
		Conditions p = conditions(scope, q);
		double probeMs = time(() -> walk(p, keyset, "", ROWS, SortedSearch.PROBE, read));
		int found = walk(p, keyset, "", ROWS, SortedSearch.PROBE, read).size();
		int[] termMatches = new int[0];
		double countMs = 0;
		if (found > 0 && found < ROWS && p.terms().size() >= 2) {
			Conditions t = conditions(scope, q);
			termMatches = inTransaction(() -> SortedSearch.termMatches(jdbc, "contacts", "c", t.query(), t.position(),
					keyset, t.parts(), t.terms(), SortedSearch.PROBE));
			countMs = time(() -> SortedSearch.termMatches(jdbc, "contacts", "c", t.query(), t.position(), keyset,
					t.parts(), t.terms(), SortedSearch.PROBE));
		}
		long need = -1;
		double walkMs = -1;
		double collectMs = 0;
		long tableSize = inTransaction(() -> SortedSearch.tableSize(jdbc, "contacts"));
		if (!rareDone && found < ROWS) {
			need = need(scope, q, keyset);
			String leading = SortedSearch.rarestFirst(p.terms(), termMatches);
			if (need > 0) {
				long rows = need;
				walkMs = time(() -> walk(p, keyset, leading, ROWS, rows, read));
			}
			Conditions c = conditions(scope, q);
			collectMs = time(() -> SortedSearch.collect(jdbc, "contacts", "c", COLUMNS, c.query(), c.position(), keyset,
					ROWS, read));
		}
		Search s = new Search(scope.kind().name(), kind, q, rareMs, rareDone, found, probeMs, termMatches, countMs, need,
				walkMs, collectMs, tableSize);
		System.out.println(s.line());
		return s;
	}

	/** A walk in a transaction whose walks have generic plans, as SortedSearch.page runs them. */
	private List<Integer> walk(Conditions c, Keyset keyset, String leading, int rows, long walk,
			RowMapper<Integer> read) {
		return inTransaction(() -> {
			SortedSearch.plans(jdbc, SortedSearch.GENERIC_PLANS);
			return SortedSearch.walk(jdbc, "contacts", "c", COLUMNS, c.query(), c.position(), keyset, c.parts(), leading,
					rows, walk, read);
		});
	}

	/** How many rows in list order a walk reads to find a page's matches, or -1 when more than {@value #MOST}. */
	private long need(AccessScope scope, String q, Keyset keyset) {
		Conditions c = conditions(scope, q);
		String order = keyset.orderBy("c");
		String source = "select c.* from contacts c where " + c.position().where() + " order by " + order + " limit "
				+ c.query().param(MOST);
		if (!c.parts().isEmpty()) {
			List<String> each = new ArrayList<>();
			for (String part : c.parts()) {
				each.add("(select c.* from contacts c where " + part + " and " + c.position().where() + " order by " + order
						+ " limit " + c.query().param(MOST) + ")");
			}
			source = "select c.* from (" + String.join(" union all ", each) + ") c order by " + order + " limit "
					+ c.query().param(MOST);
		}
		String sql = "select count(*) as hits, max(n) as last from (select n from (select (" + c.query().scanWhere()
				+ ") as hit, row_number() over () as n from (" + source + ") c) x where hit limit " + ROWS + ") y";
		return inTransaction(() -> jdbc.sql(sql).params(c.query().params())
			.query((rs, i) -> rs.getInt("hits") >= ROWS ? rs.getLong("last") : -1L)
			.single());
	}

	private <T> T inTransaction(Supplier<T> work) {
		return readOnly.execute(status -> work.get());
	}

	/** The least time of {@code costs.repeat} runs after one unmeasured run, in milliseconds. */
	private double time(Supplier<?> work) {
		inTransaction(work);
		double least = Double.MAX_VALUE;
		for (int r = 0; r < repeat; r++) {
			long t0 = System.nanoTime();
			inTransaction(work);
			least = Math.min(least, (System.nanoTime() - t0) / 1e6);
		}
		return least;
	}

	/**
	 * Prints, for each scope, the searches' total and tail time if each took the cheaper way, under the model's costs
	 * before run 19, under its costs now, and under the best costs of a grid.
	 */
	static void fit(List<Search> searches) {
		SortedSearch.Costs before = new SortedSearch.Costs(13, 0.16, 0, 1.5);
		for (String scope : searches.stream().map(Search::scope).distinct().toList()) {
			List<Search> these = searches.stream().filter(s -> s.scope().equals(scope)).toList();
			System.out.printf(Locale.ROOT, "%s, %d searches%n  the cheaper way each time: %s%n", scope, these.size(),
					summary(these.stream().mapToDouble(Search::best).toArray()));
			System.out.printf(Locale.ROOT, "  %s: %s%n", before, summary(times(these, before)));
			System.out.printf(Locale.ROOT, "  %s: %s%n", SortedSearch.Costs.FITTED,
					summary(times(these, SortedSearch.Costs.FITTED)));
			List<String> grid = new ArrayList<>();
			for (double collect : new double[] { 6, 8, 10, 13, 16, 20, 25 }) {
				for (double posting : new double[] { 0, 0.01, 0.02, 0.04, 0.08, 0.16 }) {
					for (double prior : new double[] { 0, 0.5, 1, 2, 3, 4 }) {
						for (double stretch : new double[] { 1.5, 2 }) {
							SortedSearch.Costs costs = new SortedSearch.Costs(collect, posting, prior, stretch);
							double[] t = times(these, costs);
							grid.add(String.format(Locale.ROOT, "%10.1f %s: %s", Arrays.stream(t).sum(), costs, summary(t)));
						}
					}
				}
			}
			grid.sort(null);
			grid.subList(0, Math.min(10, grid.size())).forEach(g -> System.out.println("  " + g));
		}
	}

	private static double[] times(List<Search> searches, SortedSearch.Costs costs) {
		return searches.stream().mapToDouble(s -> s.timeWith(costs)).toArray();
	}

	private static String summary(double[] times) {
		double[] sorted = times.clone();
		Arrays.sort(sorted);
		return String.format(Locale.ROOT, "total %.1f ms, mean %.2f, p50 %.2f, p90 %.2f, p95 %.2f, p99 %.2f, max %.1f",
				Arrays.stream(sorted).sum(), Arrays.stream(sorted).average().orElse(0), at(sorted, 50), at(sorted, 90),
				at(sorted, 95), at(sorted, 99), sorted[sorted.length - 1]);
	}

	private static double at(double[] sorted, double p) {
		return sorted[Math.max(0, (int) Math.ceil(p / 100 * sorted.length) - 1)];
	}

	private static String fmt(double ms) {
		return String.format(Locale.ROOT, "%.3f", ms);
	}

}
