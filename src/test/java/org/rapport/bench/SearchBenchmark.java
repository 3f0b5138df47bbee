package org.rapport.bench;

import java.lang.reflect.Constructor;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.rapport.customers.ContactManagement;
import org.rapport.platform.text.Indexing;
import org.rapport.platform.data.Keyset;
import org.rapport.platform.access.RecordAccess;
import org.rapport.platform.data.SortedSearch;
import org.rapport.platform.data.SqlQuery;
import org.rapport.platform.AccessScope;
import org.rapport.platform.AuditTrail;
import org.rapport.platform.UserDirectory;
import org.rapport.platform.db.DatabaseSettings;
import org.rapport.platform.text.SearchText;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A closed-loop load test of contact search and create: N concurrent clients against the running
 * application's REST API, and the same SQL straight over JDBC as the baseline, in one run. Not a
 * unit test (surefire does not pick it up); run it with {@code java} as docs/benchmarks.md shows.
 *
 * <p>Settings (system properties): {@code bench.url} (http://127.0.0.1:18080), {@code bench.jdbc}
 * (jdbc:postgresql://127.0.0.1:5432/rapport_bench), {@code bench.dbUser} (postgres),
 * {@code bench.admin} / {@code bench.adminPassword}, {@code bench.rep} / {@code bench.repPassword},
 * {@code bench.clients} (8), {@code bench.pool} (the SQL baseline's connections: clients + 2, or the application's
 * pool size to queue as it does), {@code bench.warmup} (10 s), {@code bench.seconds} (30 s),
 * {@code bench.queries} (500 of each kind), {@code bench.only} (comma-separated scenario names),
 * {@code bench.kinds} (comma-separated kinds of name fragment, e.g. {@code pinyin syllables}), {@code bench.slowest}
 * (N: instead of the scenarios, time each name fragment once, one client, and print the N slowest per scope) and
 * {@code bench.trace} (with it, how each search finished), {@code bench.dump} (a folder: instead of the scenarios, write
 * the requests' paths and the two tokens there for {@code src/test/bench/search.lua}, the same searches sent by wrk),
 * {@code bench.from} (such a folder: send its searches instead of drawing them from this database) and {@code bench.seed}
 * (4242: the draw of the searches).
 */
public final class SearchBenchmark {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final String base = System.getProperty("bench.url", "http://127.0.0.1:18080");

	private final String jdbcUrl = System.getProperty("bench.jdbc", "jdbc:postgresql://127.0.0.1:5432/rapport_bench");

	private final int clients = Integer.getInteger("bench.clients", 8);

	private final int warmup = Integer.getInteger("bench.warmup", 10);

	private final int seconds = Integer.getInteger("bench.seconds", 30);

	private final int queryCount = Integer.getInteger("bench.queries", 500);

	/** Kinds of name fragment to draw, e.g. {@code pinyin syllables}; all when empty. */
	private final List<String> onlyKinds = System.getProperty("bench.kinds", "").isBlank() ? List.of()
			: List.of(System.getProperty("bench.kinds").split(","));

	private final List<String> only = System.getProperty("bench.only", "").isBlank() ? List.of()
			: List.of(System.getProperty("bench.only").split(","));

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5)).build();

	private final HikariDataSource db;

	private final JdbcClient jdbc;

	private final TransactionTemplate readOnly;

	private final RecordAccess access;

	private SearchBenchmark() throws Exception {
		db = pool(jdbcUrl, System.getProperty("bench.dbUser", "postgres"), System.getProperty("bench.dbPassword", ""),
				Integer.getInteger("bench.pool", clients + 2),
				System.getProperty("bench.initSql", DatabaseSettings.SESSION_SETTINGS));
		jdbc = JdbcClient.create(db);
		readOnly = new TransactionTemplate(new JdbcTransactionManager(db));
		readOnly.setReadOnly(true);
		access = sqlBuilder();
	}

	/**
	 * A pool like the application's, for the SQL baseline and the cost measurements.
	 *
	 * @param url JDBC URL
	 * @param user database user
	 * @param password its password
	 * @param size connections
	 * @param initSql statement run on each new connection
	 * @return the pool
	 */
	public static HikariDataSource pool(String url, String user, String password, int size, String initSql) {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(url);
		config.setUsername(user);
		config.setPassword(password);
		config.setMaximumPoolSize(size);
		config.setPoolName("bench");
		config.setConnectionInitSql(initSql);
		return new HikariDataSource(config);
	}

	/**
	 * The application's own SQL builder for the visibility condition; it reads none of its collaborators.
	 *
	 * @return a record-access instance with no collaborators
	 * @throws ReflectiveOperationException when the constructor changed
	 */
	public static RecordAccess sqlBuilder() throws ReflectiveOperationException {
		Constructor<RecordAccess> constructor = RecordAccess.class.getDeclaredConstructor(UserDirectory.class,
				JdbcClient.class, AuditTrail.class, java.time.Clock.class);
		constructor.setAccessible(true);
		return constructor.newInstance(null, null, null, null);
	}

	/**
	 * The latencies of one scenario.
	 *
	 * @param name scenario
	 * @param nanos latency of each measured request, sorted
	 * @param errors failed requests
	 * @param seconds measured wall time
	 * @param rows rows returned in total
	 */
	record Outcome(String name, long[] nanos, long errors, double seconds, long rows) {

		static Outcome of(String name, long[] unsorted, long errors, double seconds, long rows) {
			long[] sorted = unsorted.clone();
			Arrays.sort(sorted);
			return new Outcome(name, sorted, errors, seconds, rows);
		}

		double percentile(double p) {
			if (nanos.length == 0) {
				return Double.NaN;
			}
			int index = (int) Math.ceil(p / 100.0 * nanos.length) - 1;
			return nanos[Math.max(0, Math.min(nanos.length - 1, index))] / 1e6;
		}

		double mean() {
			return Arrays.stream(nanos).average().orElse(Double.NaN) / 1e6;
		}

		double throughput() {
			return nanos.length / seconds;
		}

		String row() {
			return String.format(Locale.ROOT, "| %s | %d | %.1f | %.2f | %.2f | %.2f | %.2f | %.2f | %d | %.1f |", name,
					nanos.length, throughput(), percentile(50), percentile(95), percentile(99), mean(),
					nanos.length == 0 ? Double.NaN : nanos[nanos.length - 1] / 1e6, errors,
					nanos.length == 0 ? 0.0 : (double) rows / nanos.length);
		}

	}

	/** One unit of work for a client; returns rows seen, or -1 for a failure. */
	@FunctionalInterface
	interface Work {

		long run(int client, long sequence) throws Exception;

	}

	public static void main(String[] args) throws Exception {
		new SearchBenchmark().runAll();
	}

	private void runAll() throws Exception {
		String admin = System.getProperty("bench.admin", "admin");
		String rep = System.getProperty("bench.rep", "gen.east.rep1");
		String adminToken = token(admin, System.getProperty("bench.adminPassword", "bench-admin-password"));
		String repToken = token(rep, System.getProperty("bench.repPassword", "generator-password"));
		long repId = jdbc.sql("select id from users where lower(username) = lower(?)").param(rep).query(Long.class)
			.single();
		long repContacts = jdbc.sql("select count(*) from contacts where owner_id = ?").param(repId).query(Long.class)
			.single();
		long total = jdbc.sql("select count(*) from contacts").query(Long.class).single();
		long lastIdBefore = jdbc.sql("select coalesce(max(id), 0) from contacts").query(Long.class).single();
		System.out.printf(Locale.ROOT, "contacts: %d, of which %s owns %d; %d clients, %d s warm-up, %d s measured%n",
				total, rep, repContacts, clients, warmup, seconds);

		Random random = new Random(Long.getLong("bench.seed", 4242));
		String from = System.getProperty("bench.from", "");
		// with bench.from, the searches another database drew (bench.dump): the sample differs once a table is rewritten
		List<String> nameKinds = from.isBlank() ? new ArrayList<>()
				: java.nio.file.Files.readAllLines(java.nio.file.Path.of(from, "name-kinds.txt"));
		List<String> names = from.isBlank() ? nameFragments(random, queryCount, nameKinds)
				: fromDump(java.nio.file.Path.of(from, "name-paths.txt"));
		List<String> phones = from.isBlank() ? phoneFragments(random, queryCount)
				: fromDump(java.nio.file.Path.of(from, "phone-paths.txt"));
		System.out.println("name fragments, first 20: " + names.subList(0, 20));
		System.out.println("phone fragments, first 20: " + phones.subList(0, 20));
		String dump = System.getProperty("bench.dump", "");
		if (!dump.isBlank()) {
			dump(java.nio.file.Path.of(dump), names, nameKinds, phones, adminToken, repToken);
			return;
		}
		AccessScope all = new AccessScope(AccessScope.Kind.ALL, 1, List.of());
		AccessScope own = new AccessScope(AccessScope.Kind.OWN, repId, List.of(repId));

		int slowest = Integer.getInteger("bench.slowest", 0);
		if (slowest > 0) {
			// one client, each name fragment once per scope: which fragments cost most, and of which kind; with
			// -Dbench.trace=true, also how each search finished (SortedSearch's debug log, before each line)
			if (Boolean.getBoolean("bench.trace")) {
				((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(SortedSearch.class))
					.setLevel(ch.qos.logback.classic.Level.DEBUG);
			}
			for (AccessScope scope : List.of(all, own)) {
				List<String[]> timed = new ArrayList<>();
				for (int k = 0; k < names.size(); k++) {
					long t0 = System.nanoTime();
					long rows = sqlSearch(scope, names.get(k));
					timed.add(new String[] { String.format(Locale.ROOT, "%8.2f", (System.nanoTime() - t0) / 1e6),
							nameKinds.get(k), names.get(k), Long.toString(rows) });
					if (Boolean.getBoolean("bench.trace")) {
						System.out.println("traced " + scope.kind() + " | " + String.join(" | ", timed.get(k)));
					}
				}
				timed.sort((a, b) -> b[0].compareTo(a[0]));
				System.out.println("slowest name searches, " + scope.kind() + " (ms, kind, fragment, rows):");
				timed.subList(0, Math.min(slowest, timed.size())).forEach(t -> System.out.println(String.join(" | ", t)));
			}
			return;
		}
		List<Outcome> outcomes = new ArrayList<>();
		Map<String, Work> scenarios = new LinkedHashMap<>();
		scenarios.put("api-name-admin", (c, i) -> apiSearch(adminToken, pick(names, c, i)));
		scenarios.put("sql-name-admin", (c, i) -> sqlSearch(all, pick(names, c, i)));
		scenarios.put("api-phone-admin", (c, i) -> apiSearch(adminToken, pick(phones, c, i)));
		scenarios.put("sql-phone-admin", (c, i) -> sqlSearch(all, pick(phones, c, i)));
		scenarios.put("api-name-rep", (c, i) -> apiSearch(repToken, pick(names, c, i)));
		scenarios.put("sql-name-rep", (c, i) -> sqlSearch(own, pick(names, c, i)));
		scenarios.put("api-phone-rep", (c, i) -> apiSearch(repToken, pick(phones, c, i)));
		scenarios.put("sql-phone-rep", (c, i) -> sqlSearch(own, pick(phones, c, i)));
		long adminId = jdbc.sql("select id from users where lower(username) = lower(?)").param(admin).query(Long.class)
			.single();
		AtomicLong created = new AtomicLong();
		scenarios.put("api-create", (c, i) -> apiCreate(adminToken, c, i, created));
		scenarios.put("sql-create", (c, i) -> sqlCreate(adminId, c, i, created));
		for (var s : scenarios.entrySet()) {
			if (only.isEmpty() || only.contains(s.getKey())) {
				boolean byName = s.getKey().contains("-name-");
				Outcome o = run(s.getKey(), s.getValue(), byName ? names : null, byName ? nameKinds : null);
				outcomes.add(o);
				System.out.println(o.row());
			}
		}
		// the create scenarios' contacts would be the most recently changed ones of the next run, which
		// searches walk first: remove them so every run starts from the same data
		int removed = jdbc.sql("delete from contacts where id > ?").param(lastIdBefore).update();
		System.out.println("removed the " + removed + " contacts the create scenarios added");
		if (removed > 0) {
			// and their dead entries at the head of the sort indexes, which every walk of the next run would
			// step over (visiting the table for each) until autovacuum came, after some 200,000 dead rows
			jdbc.sql("vacuum (analyze) contacts").update();
		}
		System.out.println();
		System.out.println("| scenario | requests | per second | p50 ms | p95 ms | p99 ms | mean ms | max ms | errors | rows per request |");
		System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
		outcomes.forEach(o -> System.out.println(o.row()));
		System.out.println();
		System.out.println("| pair | p50 API/SQL | p95 API/SQL | throughput SQL/API |");
		System.out.println("|---|---:|---:|---:|");
		for (Outcome api : outcomes) {
			if (api.name().startsWith("api-")) {
				String pair = "sql-" + api.name().substring(4);
				outcomes.stream().filter(o -> o.name().equals(pair)).findFirst().ifPresent(sql -> System.out.printf(
						Locale.ROOT, "| %s | %.1f | %.1f | %.1f |%n", api.name().substring(4),
						api.percentile(50) / sql.percentile(50), api.percentile(95) / sql.percentile(95),
						sql.throughput() / api.throughput()));
			}
		}
		db.close();
	}

	private static String pick(List<String> list, int client, long sequence) {
		return list.get(index(list, client, sequence));
	}

	/** Each client walks the list from its own offset, so concurrent clients ask different things. */
	private static int index(List<String> list, int client, long sequence) {
		return (int) ((client * 61L + sequence) % list.size());
	}

	/** Runs {@code clients} closed loops: warm-up first, then the measured period. */
	private Outcome run(String name, Work work) throws InterruptedException {
		return run(name, work, null, null);
	}

	/**
	 * Runs {@code clients} closed loops: warm-up first, then the measured period. With {@code kinds}, also
	 * prints the latencies per kind of query fragment ({@code kinds.get(i)} for {@code pick(list, c, i)}).
	 */
	private Outcome run(String name, Work work, List<String> fragments, List<String> kinds)
			throws InterruptedException {
		long warmEnd = System.nanoTime() + warmup * 1_000_000_000L;
		long end = warmEnd + seconds * 1_000_000_000L;
		long[][] latencies = new long[clients][];
		int[][] picked = new int[clients][];
		AtomicInteger errors = new AtomicInteger();
		AtomicLong rows = new AtomicLong();
		CountDownLatch done = new CountDownLatch(clients);
		for (int c = 0; c < clients; c++) {
			int client = c;
			Thread t = new Thread(() -> {
				long[] buffer = new long[1_000_000];
				int[] which = new int[1_000_000];
				int n = 0;
				long sequence = 0;
				try {
					while (true) {
						long start = System.nanoTime();
						if (start >= end) {
							break;
						}
						long current = sequence++;
						long got;
						try {
							got = work.run(client, current);
						}
						catch (Exception ex) {
							got = -1;
							if (errors.get() < 5) {
								System.err.println(name + ": " + ex);
							}
						}
						long took = System.nanoTime() - start;
						if (start >= warmEnd) {
							if (got < 0) {
								errors.incrementAndGet();
							}
							else if (n < buffer.length) {
								rows.addAndGet(got);
								which[n] = fragments == null ? 0 : index(fragments, client, current);
								buffer[n++] = took;
							}
						}
					}
				}
				finally {
					latencies[client] = Arrays.copyOf(buffer, n);
					picked[client] = Arrays.copyOf(which, n);
					done.countDown();
				}
			}, name + "-" + c);
			t.start();
		}
		done.await();
		if (kinds != null) {
			Map<String, List<Long>> byKind = new LinkedHashMap<>();
			for (int c = 0; c < clients; c++) {
				for (int i = 0; i < latencies[c].length; i++) {
					byKind.computeIfAbsent(kinds.get(picked[c][i]), k -> new ArrayList<>()).add(latencies[c][i]);
				}
			}
			byKind.forEach((kind, list) -> System.out.println(Outcome.of(name + " / " + kind,
					list.stream().mapToLong(Long::longValue).toArray(), 0, seconds, 0).row()));
		}
		long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).toArray();
		return Outcome.of(name, all, errors.get(), seconds, rows.get());
	}

	private long apiSearch(String token, String q) throws Exception {
		HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/contacts?limit=25&q="
				+ URLEncoder.encode(q, StandardCharsets.UTF_8)))
			.header("Authorization", "Bearer " + token)
			.header("Accept", "application/json")
			.GET()
			.build(), HttpResponse.BodyHandlers.ofString());
		if (r.statusCode() != 200) {
			throw new IllegalStateException(r.statusCode() + " " + r.body());
		}
		return JSON.readTree(r.body()).get("items").size();
	}

	/** The columns ContactManagement.list reads (its COLUMNS): all but the search columns. */
	private static final String COLUMNS = "c.id, c.first_name, c.last_name, c.display_name, c.title, c.emails, c.phones, "
			+ "c.account_id, c.company_name, c.street, c.city, c.region, c.postal_code, c.country, c.lifecycle_stage, "
			+ "c.source, c.owner_id, c.tags, c.custom, c.sort_name, c.created_at, c.updated_at, c.version";

	/**
	 * The statements ContactManagement.list issues for a search in its default order, limit 25 (+1 to see a next page),
	 * in a read-only transaction as there (SortedSearch plans its walks once only inside a transaction).
	 */
	private long sqlSearch(AccessScope scope, String q) {
		return readOnly.execute(status -> searchStatements(scope, q));
	}

	/**
	 * A search's conditions as ContactManagement.list writes them, in its default order for a search.
	 *
	 * @param query the visibility and match conditions
	 * @param position the same conditions sharing the parameters, for the position of a page
	 * @param terms the search's terms
	 * @param parts the parts of the visibility condition a walk can follow
	 */
	public record Conditions(SqlQuery query, SqlQuery position, List<String> terms, List<String> parts) {

		/**
		 * Writes the conditions of a contact search.
		 *
		 * @param access the visibility condition's SQL builder
		 * @param scope whose search
		 * @param q the search text
		 * @return its conditions
		 */
		public static Conditions of(RecordAccess access, AccessScope scope, String q) {
			SqlQuery query = new SqlQuery();
			query.and(access.visible("c", "contact", scope, query));
			List<String> terms = Indexing.match("c", q, query);
			SqlQuery position = query.sharingParameters();
			List<String> parts = access.walkParts("c", "contact", scope, query);
			return new Conditions(query, position, terms, parts);
		}
	}

	private long searchStatements(AccessScope scope, String q) {
		Conditions c = Conditions.of(access, scope, q);
		List<Integer> counts = SortedSearch.page(jdbc, "contacts", "c", COLUMNS, c.query(), c.position(),
				Keyset.of(null, "-updatedAt"), 26, Indexing.likelyRare(q), new SortedSearch.Hints(c.parts(), c.terms()),
				(ResultSet rs, int i) -> {
					ResultSetMetaData meta = rs.getMetaData();
					for (int col = 1; col <= meta.getColumnCount(); col++) {
						rs.getObject(col);
					}
					return 1;
				});
		return Math.min(25, counts.size());
	}

	private long apiCreate(String token, int client, long sequence, AtomicLong created) throws Exception {
		Map<String, Object> body = newContact(client, sequence, created);
		HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/contacts"))
			.header("Authorization", "Bearer " + token)
			.header("Accept", "application/json")
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (r.statusCode() != 201) {
			throw new IllegalStateException(r.statusCode() + " " + r.body());
		}
		return 1;
	}

	/** The INSERT that ContactManagement.create issues, with the same search columns; no audit, no read-back. */
	private long sqlCreate(long ownerId, int client, long sequence, AtomicLong created) {
		Map<String, Object> body = newContact(client, sequence, created);
		String first = (String) body.get("firstName");
		String last = (String) body.get("lastName");
		List<String> emails = List.of((String) body.get("email"));
		List<String> phones = List.of((String) body.get("phone"));
		String display = ContactManagement.displayName(first, last);
		Indexing ix = Indexing.ofContact(display, first, last, emails, phones, null);
		Map<String, Object> p = new LinkedHashMap<>();
		p.put("first", first);
		p.put("last", last);
		p.put("display", display);
		p.put("title", body.get("title"));
		p.put("emails", emails.toArray(String[]::new));
		p.put("phones", phones.toArray(String[]::new));
		p.put("account", null);
		p.put("company", null);
		p.put("street", null);
		p.put("city", body.get("city"));
		p.put("region", null);
		p.put("postal", null);
		p.put("country", null);
		p.put("stage", "lead");
		p.put("source", "benchmark");
		p.put("owner", ownerId);
		p.put("tags", new String[0]);
		p.put("custom", "{}");
		p.put("sort", ix.sortName());
		p.put("search", ix.searchText());
		p.put("grams", ix.grams());
		p.put("digits", ix.phoneDigits());
		p.put("actor", ownerId);
		jdbc.sql("""
				insert into contacts (first_name, last_name, display_name, title, emails, phones, account_id, company_name,
				  street, city, region, postal_code, country, lifecycle_stage, source, owner_id, tags, custom,
				  sort_name, search_text, search_grams, phone_digits, created_by)
				values (:first, :last, :display, :title, :emails, :phones, :account, :company, :street, :city, :region,
				  :postal, :country, :stage, :source, :owner, :tags, cast(:custom as jsonb), :sort, :search, :grams,
				  :digits, :actor)
				returning id""")
			.params(p)
			.query(Long.class)
			.single();
		return 1;
	}

	private static final String[] FIRST = { "Benchmark", "Load", "Probe", "Sample" };

	private static Map<String, Object> newContact(int client, long sequence, AtomicLong created) {
		long n = created.incrementAndGet();
		Map<String, Object> body = new LinkedHashMap<>();
		boolean chinese = n % 2 == 0;
		body.put("firstName", chinese ? "测" + (char) ('一' + (n % 50)) : FIRST[(int) (n % FIRST.length)]);
		body.put("lastName", chinese ? "压" : "Tester" + client);
		body.put("email", "bench." + client + "." + sequence + "." + n + "@bench.example");
		body.put("phone", "+49 170 " + String.format(Locale.ROOT, "%08d", n));
		body.put("title", "Load test contact");
		body.put("city", chinese ? "上海" : "Berlin");
		return body;
	}

	/**
	 * Name fragments as people type them, drawn from random contacts: part of a Western family
	 * name, a Chinese name (whole or family name and first given character), or its pinyin.
	 */
	/** Adds the fragment unless {@code bench.kinds} names other kinds only. */
	private void add(List<String> fragments, List<String> kinds, String fragment, String kind) {
		if (onlyKinds.isEmpty() || onlyKinds.contains(kind)) {
			fragments.add(fragment);
			kinds.add(kind);
		}
	}

	private List<String> nameFragments(Random random, int count, List<String> kinds) {
		List<String[]> people = jdbc.sql("""
				select first_name, last_name from contacts tablesample system (1) repeatable (7)
				where first_name is not null and last_name is not null limit 20000""")
			.query((rs, i) -> new String[] { rs.getString(1), rs.getString(2) })
			.list();
		List<String> fragments = new ArrayList<>();
		while (fragments.size() < count) {
			String[] p = people.get(random.nextInt(people.size()));
			String first = p[0];
			String last = p[1];
			if (SearchText.containsCjk(last)) {
				int kind = random.nextInt(3);
				if (kind == 0) {
					add(fragments, kinds, last + first, "Chinese name");
				}
				else if (kind == 1) {
					add(fragments, kinds, last + first.substring(0, 1), "Chinese name");
				}
				else {
					String pinyin = SearchText.pinyin(last + first);
					add(fragments, kinds, pinyin.substring(0, pinyin.lastIndexOf(' ')), "pinyin syllables");
				}
			}
			else {
				int kind = random.nextInt(3);
				if (kind == 0 || last.length() < 5) {
					add(fragments, kinds, last, "Latin family name");
				}
				else if (kind == 1) {
					add(fragments, kinds, last.substring(0, 4 + random.nextInt(last.length() - 4)), "Latin name start");
				}
				else {
					add(fragments, kinds, first + " " + last.substring(0, 3), "given name + 3 letters");
				}
			}
		}
		return fragments;
	}

	/** Six to eight consecutive digits from a random contact's phone number. */
	private List<String> phoneFragments(Random random, int count) {
		List<String> digits = jdbc.sql("""
				select phone_digits from contacts tablesample system (1) repeatable (11)
				where phone_digits <> '' limit 20000""")
			.query(String.class)
			.list();
		List<String> fragments = new ArrayList<>();
		while (fragments.size() < count) {
			String number = digits.get(random.nextInt(digits.size())).split(" ")[0];
			int length = 6 + random.nextInt(3);
			int from = 2 + random.nextInt(Math.max(1, number.length() - length - 2));
			fragments.add(number.substring(from, Math.min(number.length(), from + length)));
		}
		return fragments;
	}

	/**
	 * Writes, for a load generator outside this JVM ({@code src/test/bench/search.lua}), the paths of the name and
	 * phone searches, one a line, in the order the clients here send them, and the two users' tokens.
	 */
	private static void dump(java.nio.file.Path folder, List<String> names, List<String> nameKinds, List<String> phones,
			String adminToken, String repToken) throws java.io.IOException {
		java.nio.file.Files.createDirectories(folder);
		java.nio.file.Files.write(folder.resolve("name-kinds.txt"), nameKinds);
		for (var kind : Map.of("name", names, "phone", phones).entrySet()) {
			List<String> paths = kind.getValue().stream()
				.map(q -> "/api/v1/contacts?limit=25&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8))
				.toList();
			java.nio.file.Files.write(folder.resolve(kind.getKey() + "-paths.txt"), paths);
		}
		java.nio.file.Files.writeString(folder.resolve("admin-token.txt"), adminToken);
		java.nio.file.Files.writeString(folder.resolve("rep-token.txt"), repToken);
		System.out.println("wrote the paths and tokens to " + folder.toAbsolutePath());
	}

	/** The searches of a file of paths written by {@link #dump}. */
	private static List<String> fromDump(java.nio.file.Path paths) throws java.io.IOException {
		return java.nio.file.Files.readAllLines(paths).stream()
			.map(p -> java.net.URLDecoder.decode(p.substring(p.indexOf("&q=") + 3), StandardCharsets.UTF_8))
			.toList();
	}

	private String token(String username, String password) throws Exception {
		// the application may still be starting
		for (int attempt = 0;; attempt++) {
			try {
				return signIn(username, password);
			}
			catch (java.net.ConnectException ex) {
				if (attempt >= 120) {
					throw ex;
				}
				Thread.sleep(1000);
			}
		}
	}

	private String signIn(String username, String password) throws Exception {
		String body = JSON.writeValueAsString(Map.of("username", username, "password", password, "name", "benchmark"));
		HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/token"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (r.statusCode() != 201 && r.statusCode() != 200) {
			throw new IllegalStateException("Cannot sign in as " + username + ": " + r.statusCode() + " " + r.body());
		}
		JsonNode json = JSON.readTree(r.body());
		return json.get("token").asString();
	}

}
