package org.rapport.customers;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rapport.customers.internal.BulkGenerator;
import org.rapport.customers.internal.BulkGenerator.Plan;
import org.rapport.platform.access.RecordAccess;
import org.rapport.platform.text.Indexing;
import org.rapport.platform.data.Keyset;
import org.rapport.platform.data.SortedSearch;
import org.rapport.platform.data.SqlQuery;
import org.rapport.platform.AccessScope;
import org.rapport.platform.Actor;
import org.rapport.platform.Page;
import org.rapport.platform.users.UserAccounts;
import org.rapport.support.Api;
import org.rapport.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Search pages are exactly the matching rows in list order, whether they come from the bounded walk
 * of the sort index (common terms) or from collecting all matches (rare terms), across pages.
 */
class ContactSearchPagingIntegrationTests extends IntegrationTest {

	private static boolean generated;

	@Autowired
	BulkGenerator generator;

	@Autowired
	ContactManagement contacts;

	@Autowired
	AccountManagement accounts;

	@Autowired
	UserAccounts users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RecordAccess access;

	@Autowired
	PlatformTransactionManager transactions;

	@BeforeEach
	void enoughContactsForBothPaths() {
		synchronized (ContactSearchPagingIntegrationTests.class) {
			if (!generated) {
				// owners of each role the tests sign in as, whichever tests ran before: the generator shares its rows
				// among the users who edit customers, and creates its own only on a database without any
				String team = Api.unique("paging");
				api.newUser(admin(), "MANAGER", team);
				api.newUser(admin(), "SALES_REP", team);
				// several probes' worth of rows, so a common term is found by the probe, a rare one collected, and a
				// page of 200 of a term in some 5 % of contacts walked further (SortedSearch.furtherWalk)
				generator.generate(new Plan(SortedSearch.PROBE * 4, 300, 0, 99));
				generated = true;
			}
		}
	}

	@ParameterizedTest
	@CsvSource({ "gong, name, 40", "gong, -createdAt, 40", "li, name, 60", "wang, -name, 25", "Smith, name, 7",
			"Schmidt, updatedAt, 5", "86 13, name, 30", "7700, name, 10", "王, name, 33", "li, -updatedAt, 200",
			"wang, -updatedAt, 200", "zh, -updatedAt, 150", "Smith, -updatedAt, 3", "138, -updatedAt, 200" })
	void pagesAreTheMatchingRowsInListOrder(String q, String sort, int limit) {
		assertPagesAreEveryMatch(q, sort, limit);
	}

	@ParameterizedTest
	@CsvSource({ "li, -updatedAt, 50, 60", "wang, name, 50, 40", "zh, createdAt, 100, 150", "li, -name, 200, 200",
			"王, -createdAt, 50, 25", "Smith, name, 20, 10", "gong, updatedAt, 300, 30", "li wang, -updatedAt, 100, 20",
			"zh gong, name, 200, 15", "wang li ming, -updatedAt, 50, 5" })
	void everyWayOfFinishingAPageGivesTheMatchesInListOrder(String q, String sort, int probe, int limit) {
		// smaller probes than production's reach, on these 8,000 contacts, the further walk
		// (common terms), the collection (rare ones) and the page found by the probe alone
		assertSmallProbesPageEveryMatch(q, sort, probe, limit, everyMatch(q, sort), conditions -> List.of());
	}

	@Test
	void likelyRareTermsArePagedAlikeWhetherTheyAreRareOrNot() {
		// a six-digit fragment of a contact's phone and a Chinese name: few matches, collected at once
		String phone = jdbc.sql("select substr(phone_digits, 5, 6) from contacts where length(phone_digits) >= 12 order by id limit 1")
			.query(String.class)
			.single();
		String chineseName = jdbc.sql("select last_name || first_name from contacts where last_name ~ '^[一-龥]+$'"
				+ " and first_name ~ '^[一-龥]+$' order by id limit 1")
			.query(String.class)
			.single();
		// 公司 is in the company of many more contacts than a rare term's collection takes: it stops there, and the
		// search walks as for any common term
		String common = "公司";
		assertThat(List.of(phone, chineseName, common)).allMatch(Indexing::likelyRare);
		assertThat(everyMatch(phone, "name").size()).isLessThan(SortedSearch.RARE);
		assertThat(everyMatch(common, "name").size()).isGreaterThan(SortedSearch.RARE);
		for (String q : List.of(phone, chineseName, common)) {
			assertPagesAreEveryMatch(q, "-updatedAt", 25);
			assertPagesAreEveryMatch(q, "name", 7);
		}
	}

	private void assertPagesAreEveryMatch(String q, String sort, int limit) {
		Actor admin = users.findByUsername("admin").orElseThrow().actor();
		List<Long> expected = everyMatch(q, sort);
		assertThat(expected).as("matches of %s", q).isNotEmpty();
		List<Long> paged = new ArrayList<>();
		String cursor = null;
		int pages = 0;
		do {
			String at = cursor;
			Page<ContactView> page = Actor.callAs(admin,
					() -> contacts.list(new ContactQuery(q, null, null, null, null, null, sort, limit, at)));
			page.items().forEach(c -> paged.add(c.id()));
			cursor = page.nextCursor();
			pages++;
		}
		while (cursor != null && pages < 10);
		List<Long> firstPages = expected.subList(0, Math.min(expected.size(), paged.size()));
		assertThat(paged).as("%s sorted by %s", q, sort).containsExactlyElementsOf(firstPages);
		assertThat(paged.size()).isEqualTo(Math.min(expected.size(), pages * limit));
	}

	@ParameterizedTest
	@CsvSource({ "gong, name, 30, ADMIN", "Ltd, -name, 20, ADMIN", "科技, createdAt, 15, ADMIN", "7, name, 10, ADMIN",
			"gong, -updatedAt, 10, SALES_REP", "Ltd, name, 5, SALES_REP", "科技, -updatedAt, 5, MANAGER",
			"a, -updatedAt, 10, MANAGER", "Zyxqv, -updatedAt, 2, SALES_REP" })
	void accountPagesAreTheMatchingRowsInListOrder(String q, String sort, int limit, String role) {
		Actor admin = users.findByUsername("ADMIN".equals(role) ? "admin" : ownerOfMostMatches(role, "accounts", q))
			.orElseThrow()
			.actor();
		if (!"ADMIN".equals(role) && visibleMatches("accounts", "account", admin, q, sort).isEmpty()) {
			// which user owns what depends on the tests that ran before: give this one a few matches of their own
			for (int i = 1; i <= 3; i++) {
				String name = q + " Paging Probe " + i;
				Actor.callAs(admin, () -> accounts.create(new AccountFields(name, null, null, null, null, null, null, null, null,
						null, null, null, null)));
			}
		}
		List<Long> expected = "ADMIN".equals(role) ? everyMatch("accounts", q, sort)
				: visibleMatches("accounts", "account", admin, q, sort);
		assertThat(expected).as("matches of %s", q).isNotEmpty();
		List<Long> paged = new ArrayList<>();
		String cursor = null;
		int pages = 0;
		do {
			String at = cursor;
			Page<AccountView> page = Actor.callAs(admin,
					() -> accounts.list(new AccountQuery(q, null, null, null, null, sort, limit, at)));
			page.items().forEach(a -> paged.add(a.id()));
			cursor = page.nextCursor();
			pages++;
		}
		while (cursor != null && pages < 5);
		assertThat(paged).as("%s sorted by %s", q, sort)
			.containsExactlyElementsOf(expected.subList(0, Math.min(expected.size(), paged.size())));
		assertThat(paged.size()).isEqualTo(Math.min(expected.size(), pages * limit));
	}

	@ParameterizedTest
	@CsvSource({ "li, -updatedAt, 60", "wang, -updatedAt, 200", "Smith, -updatedAt, 5", "138, -updatedAt, 25",
			"王, -updatedAt, 33", "li, name, 40", "wang, -name, 25", "zh, updatedAt, 30", "gong, -createdAt, 20" })
	void aSalesRepsPagesAreTheMatchingRowsTheyMaySeeInListOrder(String q, String sort, int limit) {
		// the rep who owns most matches, with contacts of other owners shared with them (and one of their own,
		// shared too, which must not come twice): the walk reads the rep's own rows and the shared ones
		Actor rep = users.findByUsername(ownerOfMostMatches("SALES_REP", "contacts", q)).orElseThrow().actor();
		withSharesTo(rep, () -> assertPagesAreWhatTheActorSees(rep, q, sort, limit));
	}

	@ParameterizedTest
	@CsvSource({ "li, -updatedAt, 50", "wang, name, 30", "Smith, -updatedAt, 5", "王, -updatedAt, 20" })
	void aManagersPagesAreTheMatchingRowsOfTheirTeamInListOrder(String q, String sort, int limit) {
		Actor manager = users.findByUsername(ownerOfMostMatches("MANAGER", "contacts", q)).orElseThrow().actor();
		assertPagesAreWhatTheActorSees(manager, q, sort, limit);
	}

	@ParameterizedTest
	@CsvSource({ "li, -updatedAt, 50, 60", "wang, name, 50, 40", "zh, updatedAt, 100, 150", "gong, -name, 300, 30",
			"Smith, -updatedAt, 100, 10", "li wang, -updatedAt, 100, 10" })
	void aRepsWalkOverTheirPartsFinishesEveryWayWithTheMatchesInListOrder(String q, String sort, int probe,
			int limit) {
		// small probes, as in everyWayOfFinishingAPageGivesTheMatchesInListOrder, over the parts a rep's search
		// walks (RecordAccess.walkParts): the further walk, the collection and the page found by the probe
		Actor rep = users.findByUsername(ownerOfMostMatches("SALES_REP", "contacts", q)).orElseThrow().actor();
		AccessScope scope = access.scope(rep);
		withSharesTo(rep, () -> assertSmallProbesPageEveryMatch(q, sort, probe, limit, visibleMatches(rep, q, sort),
				conditions -> {
					conditions.and(access.visible("c", "contact", scope, conditions));
					List<String> parts = access.walkParts("c", "contact", scope, conditions);
					assertThat(parts).hasSize(2);
					return parts;
				}));
	}

	/**
	 * Pages through the matches of {@code q} with {@code SortedSearch.page} and a probe of {@code probe} rows,
	 * and compares the pages with {@code expected}. {@code scope} adds the visibility condition to each page's
	 * conditions and gives the parts to walk.
	 */
	private void assertSmallProbesPageEveryMatch(String q, String sort, int probe, int limit, List<Long> expected,
			Function<SqlQuery, List<String>> scope) {
		Keyset keyset = Keyset.of(sort);
		record Row(long id, String cursor) {
		}
		List<Long> paged = new ArrayList<>();
		String cursor = null;
		int pages = 0;
		do {
			List<Row> rows = searchPage(q, keyset, cursor, probe, limit + 1, scope,
					(rs, i) -> new Row(rs.getLong("id"), keyset.cursorAfter(rs)));
			rows.stream().limit(limit).forEach(r -> paged.add(r.id()));
			cursor = rows.size() > limit ? rows.get(limit - 1).cursor() : null;
			pages++;
		}
		while (cursor != null && pages < 8);
		assertThat(paged).as("%s sorted by %s, probe %s", q, sort, probe)
			.containsExactlyElementsOf(expected.subList(0, Math.min(expected.size(), paged.size())));
		assertThat(paged.size()).isEqualTo(Math.min(expected.size(), pages * limit));
	}

	/**
	 * The user of this role who owns most matches of {@code q} in {@code table}: the suite's other tests add
	 * records and users, so which user owns what depends on which tests ran before.
	 */
	private String ownerOfMostMatches(String roleName, String table, String q) {
		SqlQuery query = new SqlQuery();
		Indexing.match("c", q, query);
		String role = query.param(roleName);
		return jdbc.sql("select u.username from users u left join " + table + " c on c.owner_id = u.id and "
				+ query.where() + " where u.role = " + role + " group by u.username order by count(c.id) desc, u.username"
				+ " limit 1")
			.params(query.params())
			.query(String.class)
			.single();
	}

	/**
	 * Runs the check with 40 contacts of other owners and one of the actor's own shared with the actor, all
	 * matching common terms ("li", "wang", "zh"), and takes the shares back afterwards.
	 */
	private void withSharesTo(Actor actor, Runnable check) {
		jdbc.sql("""
				insert into record_shares (entity_type, entity_id, user_id, access)
				select 'contact', id, :user, 'read' from (
				  (select id from contacts where owner_id <> :user and search_text like '%li%' order by id limit 15)
				  union (select id from contacts where owner_id <> :user and search_text like '%wang%' order by id limit 15)
				  union (select id from contacts where owner_id <> :user and search_text like '%zh%' order by id desc limit 10)
				  union (select id from contacts where owner_id = :user and search_text like '%li%' order by id limit 1)) s
				on conflict do nothing""").param("user", actor.id()).update();
		try {
			check.run();
		}
		finally {
			jdbc.sql("delete from record_shares where entity_type = 'contact' and user_id = ?").param(actor.id()).update();
		}
	}

	private void assertPagesAreWhatTheActorSees(Actor actor, String q, String sort, int limit) {
		List<Long> expected = visibleMatches(actor, q, sort);
		assertThat(expected).as("%s's matches of %s", actor.username(), q).isNotEmpty();
		List<Long> paged = new ArrayList<>();
		String cursor = null;
		int pages = 0;
		do {
			String at = cursor;
			Page<ContactView> page = Actor.callAs(actor,
					() -> contacts.list(new ContactQuery(q, null, null, null, null, null, sort, limit, at)));
			page.items().forEach(c -> paged.add(c.id()));
			cursor = page.nextCursor();
			pages++;
		}
		while (cursor != null && pages < 5);
		assertThat(paged).as("%s as %s sorted by %s", q, actor.username(), sort)
			.containsExactlyElementsOf(expected.subList(0, Math.min(expected.size(), paged.size())));
		assertThat(paged.size()).isEqualTo(Math.min(expected.size(), pages * limit));
	}

	private List<Long> visibleMatches(Actor actor, String q, String sort) {
		return visibleMatches("contacts", "contact", actor, q, sort);
	}

	/** Every match the actor may see, in list order, by the plainest query: the visibility rule written out. */
	private List<Long> visibleMatches(String table, String entityType, Actor actor, String q, String sort) {
		AccessScope scope = access.scope(actor);
		SqlQuery query = new SqlQuery();
		List<Long> owners = scope.kind() == AccessScope.Kind.OWN ? List.of(actor.id()) : scope.ownerIds();
		query.and("(c.owner_id = any(" + query.param(owners.toArray(Long[]::new)) + ") or exists (select 1 from"
				+ " record_shares s where s.entity_type = " + query.param(entityType) + " and s.entity_id = c.id"
				+ " and s.user_id = " + query.param(actor.id()) + "))");
		Indexing.match("c", q, query);
		return jdbc.sql("select c.id from " + table + " c where " + query.where() + " order by " + Keyset.of(sort).orderBy("c"))
			.params(query.params())
			.query(Long.class)
			.list();
	}

	@Test
	void walksArePlannedOnceAndCollectionsForTheirValues() {
		// one transaction, so one connection: the JDBC driver prepares a statement on the server after five
		// executions, and PostgreSQL counts each prepared statement's generic and custom plans
		TransactionTemplate readOnly = new TransactionTemplate(transactions);
		readOnly.setReadOnly(true);
		readOnly.executeWithoutResult(status -> {
			for (int i = 0; i < 8; i++) {
				// "li" is common: the probe finds the page; nobody matches "Zyxqv": the probe finds none, so the
				// matches are collected
				assertThat(page("li", 25)).hasSize(26);
				assertThat(page("Zyxqv", 25)).isEmpty();
			}
			record Prepared(String statement, long generic, long custom) {
			}
			List<Prepared> prepared = jdbc
				.sql("select statement, generic_plans, custom_plans from pg_prepared_statements where not from_sql")
				.query((rs, i) -> new Prepared(rs.getString(1), rs.getLong(2), rs.getLong(3)))
				.list();
			assertThat(prepared).filteredOn(p -> p.statement().startsWith("with m as"))
				.isNotEmpty()
				.allSatisfy(p -> assertThat(p.generic()).as(p.statement()).isPositive())
				.allSatisfy(p -> assertThat(p.custom()).as(p.statement()).isZero());
			assertThat(prepared).filteredOn(p -> p.statement().contains(" offset 0)"))
				.isNotEmpty()
				.allSatisfy(p -> assertThat(p.generic()).as(p.statement()).isZero())
				.allSatisfy(p -> assertThat(p.custom()).as(p.statement()).isPositive());
			// and what follows the search in the transaction is planned for its values again
			assertThat(jdbc.sql("select current_setting('plan_cache_mode')").query(String.class).single())
				.isEqualTo("force_custom_plan");
		});
	}

	/** The first page of {@code q}'s matches with the production probe, newest first, as ids. */
	private List<Long> page(String q, int limit) {
		return searchPage(q, Keyset.of("-updatedAt"), null, SortedSearch.PROBE, limit + 1, conditions -> List.of(),
				(rs, i) -> rs.getLong("id"));
	}

	/**
	 * The next {@code rows} matches of {@code q} after {@code cursor} with {@code SortedSearch.page} and a probe of
	 * {@code probe} rows. {@code scope} adds the visibility condition to the conditions and gives the parts to walk.
	 */
	private <T> List<T> searchPage(String q, Keyset keyset, String cursor, int probe, int rows,
			Function<SqlQuery, List<String>> scope, RowMapper<T> mapper) {
		SqlQuery conditions = new SqlQuery();
		List<String> parts = scope.apply(conditions);
		List<String> terms = Indexing.match("c", q, conditions);
		SqlQuery position = conditions.sharingParameters();
		keyset.after("c", cursor, position);
		return SortedSearch.page(jdbc, "contacts", "c", "c.*", conditions, position, keyset, rows, false,
				new SortedSearch.Hints(parts, terms), probe, mapper);
	}

	@Test
	void theLargestContactIsStoredAndFoundThroughTheCoveringSortIndex() {
		// text that does not compress: a B-tree entry over 2,704 bytes is refused, so the search columns the
		// sort index carries must be bounded (Indexing.MAX_TEXT_BYTES)
		Actor admin = users.findByUsername("admin").orElseThrow().actor();
		List<String> emails = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			emails.add(varied('a', 26, 60, i) + "@" + varied('a', 26, 180, i + 10) + ".example.com");
		}
		String family = "欧冶" + varied('\u4e00', 20_000, 198, 1);
		String given = varied('\u4e00', 20_000, 200, 2);
		ContactView created = Actor.callAs(admin, () -> contacts.create(new ContactFields(given, family, null, emails,
				List.of("+86 138 0013 8000"), null, null, null, null, null, null, null, null, null, null, null)));
		Page<ContactView> found = Actor.callAs(admin,
				() -> contacts.list(new ContactQuery("欧冶", null, null, null, null, null, null, 25, null)));
		assertThat(found.items()).extracting(ContactView::id).contains(created.id());
	}

	/** {@code length} characters from {@code first} onwards in a scattered order that does not compress. */
	private static String varied(char first, int range, int length, int seed) {
		java.util.Random random = new java.util.Random(seed);
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < length; i++) {
			text.append((char) (first + random.nextInt(range)));
		}
		return text.toString();
	}

	private List<Long> everyMatch(String q, String sort) {
		return everyMatch("contacts", q, sort);
	}

	/** Every match in list order, by the plainest query: all conditions, a full sort, no limit. */
	private List<Long> everyMatch(String table, String q, String sort) {
		SqlQuery query = new SqlQuery();
		Indexing.match("c", q, query);
		return jdbc.sql("select c.id from " + table + " c where " + query.where() + " order by " + Keyset.of(sort).orderBy("c"))
			.params(query.params())
			.query(Long.class)
			.list();
	}


}
