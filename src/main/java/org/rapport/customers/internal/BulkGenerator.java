package org.rapport.customers.internal;

import org.rapport.platform.text.Indexing;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntFunction;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.rapport.customers.ContactManagement;
import org.rapport.customers.internal.SyntheticCustomers.Company;
import org.rapport.customers.internal.SyntheticCustomers.Country;
import org.rapport.customers.internal.SyntheticCustomers.Person;
import org.rapport.platform.Actor;
import org.rapport.platform.AuditTrail;
import org.rapport.platform.AuditTrail.AuditEvent;
import org.rapport.platform.AuditTrail.FieldChange;
import org.rapport.platform.Role;
import org.rapport.platform.UserDirectory;
import org.rapport.platform.UserDirectory.UserSummary;
import org.rapport.platform.users.UserAccounts;
import org.rapport.platform.users.UserAccounts.UserInput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Writes large numbers of synthetic accounts, contacts and activities for load tests, with
 * PostgreSQL {@code COPY} in batches. The search columns are computed by {@link Indexing} exactly as
 * the facades compute them, so generated rows are found like typed-in ones. Rows are written
 * directly, not through the facades: the load is recorded as one audit entry
 * ({@code bulk-generate}) and announces no per-row events.
 */
@Component
public class BulkGenerator {

	private static final Logger log = LoggerFactory.getLogger(BulkGenerator.class);

	/** Password of the users the generator creates when there are none to own the records. */
	public static final String GENERATED_USERS_PASSWORD = "generator-password";

	static final int ACCOUNT_BATCH = 5_000;

	static final int CONTACT_BATCH = 10_000;

	/** How far back created and occurred timestamps reach. */
	static final Duration HISTORY = Duration.ofDays(3 * 365);

	private final DataSource dataSource;

	private final UserDirectory directory;

	private final UserAccounts userAccounts;

	private final AuditTrail audit;

	BulkGenerator(DataSource dataSource, UserDirectory directory, UserAccounts userAccounts, AuditTrail audit) {
		this.dataSource = dataSource;
		this.directory = directory;
		this.userAccounts = userAccounts;
		this.audit = audit;
	}

	/**
	 * How much to generate.
	 *
	 * @param contacts contacts
	 * @param accounts accounts; about one in twenty contacts belongs to none
	 * @param activities activities on average (each contact gets 0 to twice the average)
	 * @param seed random seed: the same seed and sizes give the same names, phones and texts
	 * @param duplicates fraction (0 to 0.5) of contacts written as a near-copy of a contact written shortly
	 * before (a typo or nickname in the name, another e-mail or phone format), for the duplicate scan's
	 * benchmark; 0 leaves the output exactly as without it
	 */
	public record Plan(int contacts, int accounts, int activities, long seed, double duplicates) {

		public Plan {
			if (contacts < 0 || accounts < 0 || activities < 0) {
				throw new IllegalArgumentException("Counts must not be negative");
			}
			if (!(duplicates >= 0 && duplicates <= 0.5)) {
				throw new IllegalArgumentException("The fraction of duplicates must be between 0 and 0.5");
			}
			if (contacts > 0 && accounts == 0) {
				accounts = 1;
			}
		}

		public Plan(int contacts, int accounts, int activities, long seed) {
			this(contacts, accounts, activities, seed, 0);
		}

		/** About one account per ten contacts and two activities per contact. */
		public static Plan forContacts(int contacts) {
			return new Plan(contacts, Math.max(1, contacts / 10), contacts * 2, 42);
		}

	}

	/**
	 * What was written.
	 *
	 * @param accounts accounts written
	 * @param contacts contacts written
	 * @param activities activities written
	 * @param accountIds ids of the accounts, in writing order
	 * @param firstContactId smallest contact id written
	 * @param lastContactId largest contact id written
	 * @param took wall-clock time, including the final VACUUM ANALYZE
	 */
	public record Result(int accounts, int contacts, long activities, List<Long> accountIds, long firstContactId,
			long lastContactId, Duration took) {
	}

	public Result generate(Plan plan) {
		long started = System.nanoTime();
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		long[] owners = owners();
		SyntheticCustomers synth = new SyntheticCustomers(plan.seed());
		log.info("Generating {} accounts, {} contacts and about {} activities owned by {} users", plan.accounts(),
				plan.contacts(), plan.activities(), owners.length);
		ExecutorService builder = Executors.newSingleThreadExecutor(r -> new Thread(r, "bulk-generator"));
		ExecutorService activityWriter = Executors.newSingleThreadExecutor(r -> new Thread(r, "bulk-activities"));
		try (Connection connection = dataSource.getConnection();
				Connection activityConnection = dataSource.getConnection()) {
			prepare(connection);
			prepare(activityConnection);
			try {
				CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
				CopyManager activityCopy = activityConnection.unwrap(PGConnection.class).getCopyAPI();
				long[] accountIds = reserve(connection, "accounts_id_seq", plan.accounts());
				Company[] companies = new Company[plan.accounts()];
				long[] accountOwners = new long[plan.accounts()];
				Progress progress = new Progress("accounts", plan.accounts());
				pipeline(builder, batches(plan.accounts(), ACCOUNT_BATCH), b -> {
					int from = b * ACCOUNT_BATCH;
					int to = Math.min(plan.accounts(), from + ACCOUNT_BATCH);
					StringBuilder rows = new StringBuilder((to - from) * 400);
					for (int i = from; i < to; i++) {
						companies[i] = synth.company();
						accountOwners[i] = owners[synth.nextInt(owners.length)];
						accountRow(rows, synth, accountIds[i], companies[i], accountOwners[i], now);
					}
					return new Batch(to - from, 0, bytes(rows), null, 0);
				}, batch -> {
					copyIn(copy, ACCOUNT_COLUMNS, batch.first());
					progress.add(batch.rows(), 0);
				});
				progress.done();
				long[] contactIds = reserve(connection, "contacts_id_seq", plan.contacts());
				double perContact = plan.contacts() == 0 ? 0 : (double) plan.activities() / plan.contacts();
				Progress contactProgress = new Progress("contacts", plan.contacts());
				List<CompletableFuture<Void>> activitiesWritten = new ArrayList<>();
				pipeline(builder, batches(plan.contacts(), CONTACT_BATCH), b -> {
					int from = b * CONTACT_BATCH;
					int to = Math.min(plan.contacts(), from + CONTACT_BATCH);
					StringBuilder contacts = new StringBuilder((to - from) * 700);
					StringBuilder activities = new StringBuilder((int) ((to - from) * perContact * 200) + 16);
					long activityCount = 0;
					List<NearCopy> recent = new ArrayList<>();
					for (int i = from; i < to; i++) {
						// the duplicate draw comes first and only when asked for, so that without duplicates
						// the random sequence (and so every other benchmark's data) is unchanged
						NearCopy original = plan.duplicates() > 0 && !recent.isEmpty()
								&& synth.nextInt(1_000_000) < plan.duplicates() * 1_000_000
										? recent.get(synth.nextInt(recent.size())) : null;
						int a = original != null ? original.account()
								: synth.nextInt(20) == 0 ? -1 : synth.nextInt(companies.length);
						long owner = a >= 0 && synth.nextInt(5) != 0 ? accountOwners[a] : owners[synth.nextInt(owners.length)];
						Instant created = contactRow(contacts, synth, contactIds[i], a < 0 ? null : companies[a],
								a < 0 ? null : accountIds[a], owner, now, original, plan.duplicates() > 0 ? recent : null, a);
						int count = activityCount(synth, perContact);
						for (int k = 0; k < count; k++) {
							activityRow(activities, synth, contactIds[i], a < 0 ? null : accountIds[a], owner, created,
									now);
						}
						activityCount += count;
					}
					return new Batch(to - from, activityCount, bytes(contacts), bytes(activities), 0);
				}, batch -> {
					copyIn(copy, CONTACT_COLUMNS, batch.first());
					// the batch's contacts are committed: its activities can go in on the second connection while
					// the next contacts are written; at most one activity batch waits
					join(activitiesWritten);
					if (batch.moreRows() > 0) {
						activitiesWritten.add(CompletableFuture.runAsync(() -> {
							try {
								copyIn(activityCopy, ACTIVITY_COLUMNS, batch.second());
							}
							catch (SQLException ex) {
								throw new IllegalStateException(ex);
							}
						}, activityWriter));
					}
					contactProgress.add(batch.rows(), batch.moreRows());
				});
				join(activitiesWritten);
				contactProgress.done();
				log.info("Vacuuming and analysing the customers tables");
				try (Statement s = connection.createStatement()) {
					// fresh statistics for the planner, and the trigram indexes' pending lists merged
					s.execute("vacuum (analyze) accounts, contacts, activities");
				}
				Duration took = Duration.ofNanos(System.nanoTime() - started);
				Result result = new Result(plan.accounts(), plan.contacts(), contactProgress.more,
						java.util.Arrays.stream(accountIds).boxed().toList(),
						contactIds.length == 0 ? 0 : contactIds[0],
						contactIds.length == 0 ? 0 : contactIds[contactIds.length - 1], took);
				record(plan, result);
				log.info("Generated {} accounts, {} contacts and {} activities in {} s", result.accounts(),
						result.contacts(), result.activities(), took.toSeconds());
				return result;
			}
			finally {
				activityWriter.shutdownNow();
				restore(connection);
				restore(activityConnection);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Bulk generation failed: " + ex.getMessage(), ex);
		}
		finally {
			builder.shutdownNow();
		}
	}

	private static void prepare(Connection connection) throws SQLException {
		connection.setAutoCommit(true);
		try (Statement s = connection.createStatement()) {
			// a lost last batch after a crash is acceptable for synthetic data; waiting for each flush is not
			s.execute("set synchronous_commit = off");
		}
	}

	private static void restore(Connection connection) throws SQLException {
		try (Statement s = connection.createStatement()) {
			// the connection goes back to the pool
			s.execute("reset synchronous_commit");
		}
	}

	private static void join(List<CompletableFuture<Void>> pending) {
		try {
			pending.forEach(CompletableFuture::join);
		}
		catch (CompletionException ex) {
			throw ex.getCause() instanceof RuntimeException r ? r : ex;
		}
		pending.clear();
	}

	/** One batch of COPY text: rows of one table, and optionally rows of a second. */
	private record Batch(int rows, long moreRows, byte[] first, byte[] second, long buildNanos) {
	}

	/** Builds batch n+1 on a second thread while batch n is being written. */
	private static void pipeline(ExecutorService builder, int batches, IntFunction<Batch> build,
			SqlConsumer<Batch> write) throws SQLException {
		if (batches == 0) {
			return;
		}
		CompletableFuture<Batch> next = CompletableFuture.supplyAsync(() -> timed(build, 0), builder);
		for (int b = 0; b < batches; b++) {
			Batch current;
			try {
				current = next.join();
			}
			catch (CompletionException ex) {
				throw ex.getCause() instanceof RuntimeException r ? r : ex;
			}
			if (b + 1 < batches) {
				int n = b + 1;
				next = CompletableFuture.supplyAsync(() -> timed(build, n), builder);
			}
			long t = System.nanoTime();
			write.accept(current);
			log.debug("batch {}: built in {} ms, written in {} ms", b, current.buildNanos() / 1_000_000,
					(System.nanoTime() - t) / 1_000_000);
		}
	}

	private static Batch timed(IntFunction<Batch> build, int n) {
		long t = System.nanoTime();
		Batch b = build.apply(n);
		return new Batch(b.rows(), b.moreRows(), b.first(), b.second(), System.nanoTime() - t);
	}

	@FunctionalInterface
	private interface SqlConsumer<T> {

		void accept(T value) throws SQLException;

	}

	private static int batches(int rows, int size) {
		return (rows + size - 1) / size;
	}

	/** Ids taken from the table's sequence, so concurrent inserts elsewhere never collide with them. */
	private static long[] reserve(Connection connection, String sequence, int count) throws SQLException {
		long[] ids = new long[count];
		try (PreparedStatement ps = connection
			.prepareStatement("select nextval('" + sequence + "') from generate_series(1, ?)")) {
			ps.setInt(1, count);
			try (ResultSet rs = ps.executeQuery()) {
				int i = 0;
				while (rs.next()) {
					ids[i++] = rs.getLong(1);
				}
			}
		}
		java.util.Arrays.sort(ids);
		return ids;
	}

	private static void copyIn(CopyManager copy, String table, byte[] rows) throws SQLException {
		CopyIn in = copy.copyIn("copy " + table + " from stdin");
		try {
			in.writeToCopy(rows, 0, rows.length);
			in.endCopy();
		}
		finally {
			if (in.isActive()) {
				in.cancelCopy();
			}
		}
	}

	static final String ACCOUNT_COLUMNS = """
			accounts (id, name, industry, size, website, phone, city, country, owner_id, tags, custom, sort_name,
			  search_text, search_grams, phone_digits, created_at, updated_at, created_by)""";

	static final String CONTACT_COLUMNS = """
			contacts (id, first_name, last_name, display_name, title, emails, phones, account_id, company_name, city,
			  country, lifecycle_stage, source, owner_id, tags, custom, sort_name, search_text, search_grams,
			  phone_digits, created_at, updated_at, created_by)""";

	static final String ACTIVITY_COLUMNS = """
			activities (type, subject, body, occurred_at, duration_minutes, outcome, due_at, status, completed_at,
			  contact_id, account_id, owner_id, created_at, updated_at, created_by)""";

	private static void accountRow(StringBuilder row, SyntheticCustomers synth, long id, Company c, long owner,
			Instant now) {
		String phone = synth.landline(c.country());
		String website = "https://www." + c.domain();
		Indexing ix = Indexing.ofAccount(c.name(), website, phone);
		Instant created = past(synth, now, HISTORY);
		Tsv.of(row)
			.add(id)
			.add(c.name())
			.add(c.industry())
			.add(synth.pick(SyntheticCustomers.SIZES))
			.add(website)
			.add(phone)
			.add(c.city())
			.add(c.country().label)
			.add(owner)
			.array(synth.nextInt(8) == 0 ? List.of(synth.nextInt(2) == 0 ? "key-account" : "重点客户") : List.of())
			.add("{}")
			.add(ix.sortName())
			.add(ix.searchText())
			.array(List.of(ix.grams()))
			.add(ix.phoneDigits())
			.add(created)
			.add(created)
			.add(owner)
			.end();
	}

	/** A contact written, kept for a while as the original of near-copies. */
	private record NearCopy(Country country, Person person, List<String> emails, List<String> phones, int account) {
	}

	/** Recent contacts kept per batch as originals of near-copies. */
	private static final int NEAR_COPY_ORIGINALS = 2_000;

	/**
	 * Writes one contact row and returns when the contact was created.
	 *
	 * @param original when not null, the contact is a near-copy of this one
	 * @param recent when not null, where the contact is remembered as an original of later near-copies
	 */
	private static Instant contactRow(StringBuilder row, SyntheticCustomers synth, long id, Company company,
			Long accountId, long owner, Instant now, NearCopy original, List<NearCopy> recent, int account) {
		Country country;
		Person p;
		List<String> emails;
		List<String> phones;
		if (original != null) {
			NearCopy copy = nearCopy(synth, original);
			country = copy.country();
			p = copy.person();
			emails = copy.emails();
			phones = copy.phones();
		}
		else {
			country = company == null ? synth.country() : company.country();
			p = synth.person(country);
			String domain = company != null ? company.domain()
					: country == Country.CN ? synth.pick(List.of("163.com", "qq.com", "126.com"))
							: synth.pick(List.of("gmail.com", "outlook.com", "example.net"));
			emails = List.of(p.emailLocal() + (company == null ? synth.digits(2) : "") + "@" + domain);
			phones = synth.nextInt(4) == 0 ? List.of(synth.mobile(country), synth.landline(country))
					: List.of(synth.mobile(country));
			if (recent != null) {
				if (recent.size() == NEAR_COPY_ORIGINALS) {
					recent.set(synth.nextInt(NEAR_COPY_ORIGINALS), new NearCopy(country, p, emails, phones, account));
				}
				else {
					recent.add(new NearCopy(country, p, emails, phones, account));
				}
			}
		}
		String display = ContactManagement.displayName(p.firstName(), p.lastName());
		String companyName = company == null ? null : company.name();
		Indexing ix = Indexing.ofContact(display, p.firstName(), p.lastName(), emails, phones, companyName);
		Instant created = past(synth, now, HISTORY);
		Tsv.of(row)
			.add(id)
			.add(p.firstName())
			.add(p.lastName())
			.add(display)
			.add(synth.title(country))
			.array(emails)
			.array(phones)
			.add(accountId)
			.add(companyName)
			.add(company == null ? null : company.city())
			.add(country.label)
			.add(synth.pick(SyntheticCustomers.STAGES))
			.add(synth.pick(SyntheticCustomers.SOURCES))
			.add(owner)
			.array(synth.tags())
			.add("{}")
			.add(ix.sortName())
			.add(ix.searchText())
			.array(List.of(ix.grams()))
			.add(ix.phoneDigits())
			.add(created)
			.add(created)
			.add(owner)
			.end();
		return created;
	}

	/**
	 * The same person entered again: a typo in the family name, an initial or a nickname-like short
	 * form of the given name, and the e-mail or the phone (not both) written differently or missing.
	 */
	private static NearCopy nearCopy(SyntheticCustomers synth, NearCopy o) {
		Person p = o.person();
		String first = p.firstName();
		String last = p.lastName();
		int name = synth.nextInt(4);
		if (name == 0 && last.length() > 3) {
			int at = 1 + synth.nextInt(last.length() - 2);
			last = last.substring(0, at) + last.charAt(at + 1) + last.charAt(at) + last.substring(at + 2);
		}
		else if (name == 1 && first.length() > 4 && !han(first)) {
			first = first.substring(0, 3);
		}
		else if (name == 2 && !han(first)) {
			first = first.toUpperCase(Locale.ROOT);
			last = last.toUpperCase(Locale.ROOT);
		}
		List<String> emails = o.emails();
		List<String> phones = o.phones();
		switch (synth.nextInt(3)) {
			case 0 -> phones = List.of();
			case 1 -> emails = List.of(emails.get(0).toUpperCase(Locale.ROOT));
			default -> {
				emails = List.of();
				phones = List.of(phones.get(0).replaceAll("[^0-9+]", ""));
			}
		}
		return new NearCopy(o.country(), new Person(first, last, p.emailLocal()), emails, phones, o.account());
	}

	private static boolean han(String text) {
		return text.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
	}

	private static int activityCount(SyntheticCustomers synth, double perContact) {
		if (perContact <= 0) {
			return 0;
		}
		// uniform from 0 to twice the average, the fraction settled by chance: the total comes out near the plan
		double draw = perContact * 2 * (synth.nextInt(1_000_001) / 1_000_000.0);
		int whole = (int) draw;
		return whole + (synth.nextInt(1_000_000) < (draw - whole) * 1_000_000 ? 1 : 0);
	}

	private static void activityRow(StringBuilder row, SyntheticCustomers synth, long contactId, Long accountId,
			long owner, Instant contactCreated, Instant now) {
		int roll = synth.nextInt(100);
		String type = roll < 30 ? "call" : roll < 60 ? "email" : roll < 75 ? "meeting" : roll < 90 ? "note" : "task";
		Instant occurred = contactCreated
			.plusSeconds((long) (synth.nextInt(1_000_000) / 1_000_000.0 * Duration.between(contactCreated, now).toSeconds()));
		Integer duration = switch (type) {
			case "call" -> 2 + synth.nextInt(40);
			case "meeting" -> 15 * (2 + synth.nextInt(6));
			default -> null;
		};
		Instant due = null;
		String status = null;
		Instant completed = null;
		String subject;
		if (type.equals("task")) {
			subject = synth.pick(SyntheticCustomers.TASKS);
			due = occurred.plus(Duration.ofDays(1 + synth.nextInt(14)));
			int s = synth.nextInt(20);
			status = s < 11 ? "done" : s < 19 ? "open" : "cancelled";
			if (status.equals("done")) {
				Instant at = due.minus(Duration.ofHours(synth.nextInt(72)));
				completed = at.isAfter(now) ? now : at;
			}
		}
		else {
			subject = synth.nextInt(2) == 0 ? synth.pick(SyntheticCustomers.SUBJECTS_EN)
					: synth.pick(SyntheticCustomers.SUBJECTS_ZH);
		}
		Tsv.of(row)
			.add(type)
			.add(subject)
			.add(type.equals("note") ? "Generated for load tests." : null)
			.add(occurred)
			.add(duration)
			.add(null)
			.add(due)
			.add(status)
			.add(completed)
			.add(contactId)
			.add(accountId)
			.add(owner)
			.add(occurred)
			.add(occurred)
			.add(owner)
			.end();
	}

	private static Instant past(SyntheticCustomers synth, Instant now, Duration reach) {
		return now.minusSeconds((long) (synth.nextInt(1_000_000) / 1_000_000.0 * reach.toSeconds()));
	}

	private static byte[] bytes(StringBuilder text) {
		return text.toString().getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * The users who will own the records: every enabled user who may edit customers, except admins.
	 * On a database with only an administrator, creates two sales teams and a care team first.
	 */
	private long[] owners() {
		List<Long> owners = editors();
		if (owners.isEmpty()) {
			Actor.runAs(Actor.SYSTEM, () -> {
				List<String> created = new ArrayList<>();
				for (String team : List.of("East", "West")) {
					String prefix = "gen." + team.toLowerCase(java.util.Locale.ROOT);
					create(prefix + ".manager", Role.MANAGER, "Load Test Sales " + team, created);
					for (int i = 1; i <= 4; i++) {
						create(prefix + ".rep" + i, Role.SALES_REP, "Load Test Sales " + team, created);
					}
				}
				create("gen.care.agent1", Role.SUPPORT_AGENT, "Load Test Care", created);
				create("gen.care.agent2", Role.SUPPORT_AGENT, "Load Test Care", created);
				log.warn("No users to own generated records: created {} with the password '{}'", created,
						GENERATED_USERS_PASSWORD);
			});
			owners = editors();
		}
		return owners.stream().mapToLong(Long::longValue).toArray();
	}

	private void create(String username, Role role, String team, List<String> created) {
		if (userAccounts.findByUsername(username).isEmpty()) {
			userAccounts.create(new UserInput(username, GENERATED_USERS_PASSWORD, username, null, role, team, "en", true));
			created.add(username);
		}
	}

	private List<Long> editors() {
		return directory.activeUsers().stream()
			.filter(u -> u.role().editsCustomers() && u.role() != Role.ADMIN)
			.map(UserSummary::id)
			.toList();
	}

	private void record(Plan plan, Result result) {
		List<FieldChange> changes = List.of(new FieldChange("accounts", null, Integer.toString(result.accounts())),
				new FieldChange("contacts", null, Integer.toString(result.contacts())),
				new FieldChange("activities", null, Long.toString(result.activities())),
				new FieldChange("contactIds", null, result.firstContactId() + "-" + result.lastContactId()),
				new FieldChange("seed", null, Long.toString(plan.seed())));
		Actor.runAs(Actor.SYSTEM, () -> audit.record(new AuditEvent("bulk-generate", "customers",
				"bulk-" + result.firstContactId() + "-" + result.lastContactId(),
				"Synthetic data for load tests: " + result.contacts() + " contacts", changes)));
	}

	/** Logs how far a table has got, at most every five seconds. */
	private static final class Progress {

		private final String what;

		private final int total;

		private final long started = System.nanoTime();

		private long rows;

		private long more;

		private long lastLog = System.nanoTime();

		Progress(String what, int total) {
			this.what = what;
			this.total = total;
		}

		void add(int n, long moreRows) {
			rows += n;
			more += moreRows;
			if (System.nanoTime() - lastLog > 5_000_000_000L) {
				lastLog = System.nanoTime();
				report();
			}
		}

		void done() {
			report();
		}

		private void report() {
			double seconds = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
			if (what.equals("contacts")) {
				log.info("Generated {} / {} contacts ({}%) and {} activities: {} contacts/s, {} rows/s", rows, total,
						total == 0 ? 100 : rows * 100 / total, more, Math.round(rows / seconds),
						Math.round((rows + more) / seconds));
			}
			else {
				log.info("Generated {} / {} {}: {} rows/s", rows, total, what, Math.round(rows / seconds));
			}
		}

	}

	/** One line of PostgreSQL's COPY text format: tab-separated, backslash-escaped, {@code \N} for null. */
	private static final class Tsv {

		private final StringBuilder out;

		private boolean first = true;

		private Tsv(StringBuilder out) {
			this.out = out;
		}

		static Tsv of(StringBuilder out) {
			return new Tsv(out);
		}

		Tsv add(Object value) {
			separate();
			if (value == null) {
				out.append("\\N");
			}
			else {
				escape(value.toString());
			}
			return this;
		}

		/** A text[] literal with every element quoted, then escaped for COPY. */
		Tsv array(List<String> values) {
			StringBuilder literal = new StringBuilder(2 + values.size() * 8);
			literal.append('{');
			for (int i = 0; i < values.size(); i++) {
				if (i > 0) {
					literal.append(',');
				}
				literal.append('"');
				String v = values.get(i);
				for (int c = 0; c < v.length(); c++) {
					char ch = v.charAt(c);
					if (ch == '"' || ch == '\\') {
						literal.append('\\');
					}
					literal.append(ch);
				}
				literal.append('"');
			}
			literal.append('}');
			separate();
			escape(literal.toString());
			return this;
		}

		void end() {
			out.append('\n');
		}

		private void separate() {
			if (!first) {
				out.append('\t');
			}
			first = false;
		}

		private void escape(String text) {
			for (int i = 0; i < text.length(); i++) {
				char ch = text.charAt(i);
				switch (ch) {
					case '\\' -> out.append("\\\\");
					case '\t' -> out.append("\\t");
					case '\n' -> out.append("\\n");
					case '\r' -> out.append("\\r");
					default -> out.append(ch);
				}
			}
		}

	}

}
