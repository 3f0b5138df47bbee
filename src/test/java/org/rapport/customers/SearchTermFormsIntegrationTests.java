package org.rapport.customers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.rapport.platform.Actor;
import org.rapport.platform.data.SqlQuery;
import org.rapport.platform.text.Indexing;
import org.rapport.platform.users.UserAccounts;
import org.rapport.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A search term is written two ways ({@link Indexing#match}): for collecting its matches through the search
 * indexes, and for testing each row that a walk of the covering sort index meets, on the text alone. Both
 * must select the same rows, and so must {@link Indexing#matches} (an import's view of the same search), or a
 * page would depend on which way the search happened to finish. Word starts and Chinese characters are where
 * the two forms differ most: grams against a regular expression or LIKE over the text.
 */
class SearchTermFormsIntegrationTests extends IntegrationTest {

	@Autowired
	ContactManagement contacts;

	@Autowired
	UserAccounts users;

	@Autowired
	JdbcClient jdbc;

	@Test
	void bothFormsOfEachTermSelectTheSameContacts() {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		Map<String, Long> made = new LinkedHashMap<>();
		// given name, family name; the tag in the e-mail address keeps the rows this test's own
		for (String[] name : new String[][] { { "Bu", "Lv" }, { "Ana", "Alvarez" }, { "Kai", "Ab86lv" },
				{ "Jean", "·Lv" }, { "Pat", "O'Lv" }, { "Wen", "王lv" }, { "Zoë", "_Lv" }, { "Иван", "Ли" },
				{ "伟明", "张" }, { "明", "张伟" }, { "Li", "张a伟" }, { "Max", "Ölv" } }) {
			Actor admin = users.findByUsername("admin").orElseThrow().actor();
			String email = "c" + made.size() + "." + tag + "@example.com";
			long id = Actor.callAs(admin, () -> contacts.create(new ContactFields(name[0], name[1], null, List.of(email), List.of(),
					null, null, null, null, null, null, null, null, null, null, null))).id();
			made.put(name[1] + " " + name[0], id);
		}
		// one with an e-mail address in which "lv" follows a dot
		Actor admin = users.findByUsername("admin").orElseThrow().actor();
		made.put("x.lv e-mail", Actor.callAs(admin, () -> contacts.create(new ContactFields("Mo", "Ng", null,
				List.of("x.lv." + tag + "@example.com"), List.of(), null, null, null, null, null, null, null, null, null,
				null, null))).id());

		Map<String, Set<String>> expected = new LinkedHashMap<>();
		expected.put("lv", Set.of("Lv Bu", "O'Lv Pat", "_Lv Zoë", "x.lv e-mail"));
		expected.put("l", Set.of("Lv Bu", "O'Lv Pat", "_Lv Zoë", "x.lv e-mail", "张a伟 Li"));
		expected.put("ли", Set.of("Ли Иван"));
		expected.put("张", Set.of("张 伟明", "张伟 明", "张a伟 Li"));
		expected.put("张伟", Set.of("张 伟明", "张伟 明"));
		expected.put("张伟明", Set.of("张 伟明", "张伟 明"));
		expected.put("a伟", Set.of("张a伟 Li"));
		expected.put("lvarez", Set.of("Alvarez Ana"));
		expected.put("lv bu", Set.of("Lv Bu"));
		// quadgrams: four ASCII characters through the gram alone, more through the quadgrams and the text
		expected.put("lvar", Set.of("Alvarez Ana"));
		expected.put("alvarez", Set.of("Alvarez Ana"));
		expected.put("x.lv", Set.of("x.lv e-mail"));
		expected.put("b86l", Set.of("Ab86lv Kai"));
		expected.put("ab86lv", Set.of("Ab86lv Kai"));
		expected.put("lvarex", Set.of());
		expected.put("a.", Set.of());
		expected.put("-", Set.of());

		for (var e : expected.entrySet()) {
			String q = e.getKey();
			Set<String> byIndex = names(made, ids(made, q, false));
			Set<String> byScan = names(made, ids(made, q, true));
			Set<String> inJava = new TreeSet<>();
			for (var m : made.entrySet()) {
				if (indexing(m.getValue()).matches(q)) {
					inJava.add(m.getKey());
				}
			}
			assertThat(byIndex).as("%s through the search indexes", q).containsExactlyInAnyOrderElementsOf(e.getValue());
			assertThat(byScan).as("%s tested on each row", q).containsExactlyInAnyOrderElementsOf(e.getValue());
			assertThat(inJava).as("%s by Indexing.matches", q).containsExactlyInAnyOrderElementsOf(e.getValue());
		}
	}

	@Test
	void theScannedFormsUseOnlyColumnsTheCoveringSortIndexCarries() {
		for (String q : List.of("lv", "王", "张伟", "张伟明", "zhang wei", "a伟", "138 0013", "a.")) {
			SqlQuery query = new SqlQuery();
			List<String> terms = Indexing.match("c", q, query);
			assertThat(query.scanWhere()).as(q).doesNotContain("search_grams");
			assertThat(terms).as(q).noneMatch(t -> t.contains("search_grams"));
		}
		// and through the search indexes, the short terms use the gram index
		SqlQuery query = new SqlQuery();
		Indexing.match("c", "lv 张伟", query);
		assertThat(query.where()).contains("c.search_grams @>");
	}

	@Test
	void gramsCutToTheOldBoundAreRestoredFromTheText() throws Exception {
		// a contact whose grams exceed the 1,000 bytes that rows written before V202612032000 kept
		Actor admin = users.findByUsername("admin").orElseThrow().actor();
		String tag = UUID.randomUUID().toString().substring(0, 8);
		StringBuilder distinct = new StringBuilder();
		for (int i = 0; i < 60; i++) {
			distinct.append((char) (0x4e00 + 37 * i));
		}
		String given = distinct.toString();
		ContactView made = Actor.callAs(admin, () -> contacts.create(new ContactFields(given, "司马", null,
				List.of("cut." + tag + "@example.com"), List.of(), null, null, null, null, null, null, null, null, null,
				null, null)));
		String[] all = indexing(made.id()).grams();
		int bytes = 24;
		List<String> kept = new ArrayList<>();
		for (String g : all) {
			bytes += (4 + g.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + 3) / 4 * 4;
			if (bytes > 1000) {
				break;
			}
			kept.add(g);
		}
		assertThat(kept).as("grams the old bound kept").hasSizeLessThan(all.length);
		// a gram the bound cut, as a query: a word start ("^xi" for "xi") or Chinese characters
		String cut = List.of(all).stream().filter(g -> !kept.contains(g)).reduce((a, b) -> b).orElseThrow();
		String late = cut.startsWith("^") ? cut.substring(1) : cut;
		jdbc.sql("update contacts set search_grams = ? where id = ?").params(kept.toArray(String[]::new), made.id()).update();
		assertThat(ids(Map.of("made", made.id()), late, false)).as("%s through the gram index, cut", late).isEmpty();

		int restored = jdbc.sql("select 1").query((rs, i) -> {
			try {
				return org.rapport.platform.text.CutGrams.restore(rs.getStatement().getConnection(), "contacts");
			}
			catch (java.sql.SQLException ex) {
				throw new IllegalStateException(ex);
			}
		}).single();
		assertThat(restored).isPositive();
		assertThat(indexing(made.id()).grams()).containsExactly(all);
		assertThat(ids(Map.of("made", made.id()), late, false)).containsExactly(made.id());
		assertThat(ids(Map.of("made", made.id()), late, true)).containsExactly(made.id());
		// and the migrations that restore them ran
		assertThat(jdbc.sql("select count(*) from flyway_schema_history where version in ('202612032001', '202612032002')"
				+ " and type = 'JDBC' and success").query(Long.class).single()).isEqualTo(2);
	}

	/** The made contacts matching {@code q}, by one of the two forms. */
	private List<Long> ids(Map<String, Long> made, String q, boolean scanned) {
		SqlQuery query = new SqlQuery();
		Indexing.match("c", q, query);
		String ids = query.param(made.values().toArray(Long[]::new));
		return jdbc.sql("select c.id from contacts c where c.id = any(" + ids + ") and "
				+ (scanned ? query.scanWhere() : query.where()))
			.params(query.params())
			.query(Long.class)
			.list();
	}

	private Indexing indexing(long id) {
		return jdbc.sql("select sort_name, search_text, search_grams, phone_digits from contacts where id = ?")
			.param(id)
			.query((rs, i) -> new Indexing(rs.getString(1), rs.getString(2),
					(String[]) rs.getArray(3).getArray(), rs.getString(4)))
			.single();
	}

	private static Set<String> names(Map<String, Long> made, List<Long> ids) {
		Set<String> names = new TreeSet<>();
		made.forEach((name, id) -> {
			if (ids.contains(id)) {
				names.add(name);
			}
		});
		return names;
	}


}
