package org.rapport.customers;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.rapport.customers.internal.BulkGenerator;
import org.rapport.customers.internal.BulkGenerator.Plan;
import org.rapport.customers.internal.BulkGenerator.Result;
import org.rapport.platform.text.Indexing;
import org.rapport.platform.Actor;
import org.rapport.platform.AuditTrail;
import org.rapport.platform.AuditTrail.AuditRecord;
import org.rapport.platform.Page;
import org.rapport.platform.text.SearchText;
import org.rapport.platform.users.UserAccounts;
import org.rapport.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The load-test generator, through the same code path as the command, on a small N. */
class BulkGeneratorIntegrationTests extends IntegrationTest {

	@Autowired
	BulkGenerator generator;

	@Autowired
	ContactManagement contacts;

	@Autowired
	UserAccounts users;

	@Autowired
	AuditTrail audit;

	@Autowired
	JdbcClient jdbc;

	@Test
	void generatesSearchableContactsAccountsAndActivitiesWithOneAuditEntry() {
		long recordAudits = count("select count(*) from audit_log where entity_type in ('account', 'contact', 'activity')");
		Result result = generator.generate(new Plan(2_000, 200, 4_000, 7));

		assertThat(result.contacts()).isEqualTo(2_000);
		assertThat(result.accounts()).isEqualTo(200);
		// each contact gets 0 to 4 activities, 2 on average
		assertThat(result.activities()).isBetween(3_600L, 4_400L);
		long first = result.firstContactId();
		long last = result.lastContactId();
		assertThat(count("select count(*) from contacts where id between ? and ?", first, last)).isEqualTo(2_000);
		assertThat(count("select count(*) from accounts where id = any(?)",
				(Object) result.accountIds().toArray(Long[]::new))).isEqualTo(200);
		assertThat(count("select count(*) from activities where contact_id between ? and ?", first, last))
			.isEqualTo(result.activities());
		assertThat(count("select count(*) from contacts where id between ? and ? and account_id is not null", first,
				last)).isBetween(1_800L, 1_990L);

		String entity = "bulk-" + first + "-" + last;
		List<AuditRecord> entries = audit.history("customers", entity, 10, null);
		assertThat(entries).singleElement().satisfies(e -> {
			assertThat(e.action()).isEqualTo("bulk-generate");
			assertThat(e.changes()).anySatisfy(c -> {
				assertThat(c.field()).isEqualTo("contacts");
				assertThat(c.to()).isEqualTo("2000");
			});
		});
		assertThat(count("select count(*) from audit_log where entity_type in ('account', 'contact', 'activity')"))
			.as("no audit entry per generated row").isEqualTo(recordAudits);

		Actor admin = users.findByUsername("admin").orElseThrow().actor();
		Map<String, Object> western = row(first, last, "last_name ~ '^[A-Z]'");
		Map<String, Object> chinese = row(first, last, "display_name ~ '^[\\u4e00-\\u9fff]+$'");

		long westernId = (Long) western.get("id");
		String lastName = (String) western.get("last_name");
		// a fragment from inside the name where the name is long enough, else the whole name
		String fragment = lastName.length() >= 5 ? lastName.substring(1) : lastName;
		assertThat(findsInSomePage(admin, fragment + " " + ((String) western.get("first_name")).substring(0, 3),
				westernId)).as("found by name fragments").isTrue();

		long chineseId = (Long) chinese.get("id");
		assertThat(findsInSomePage(admin, (String) chinese.get("display_name"), chineseId)).as("found by Chinese name")
			.isTrue();
		String pinyin = SearchText.pinyin((String) chinese.get("display_name"));
		assertThat(findsInSomePage(admin, pinyin.substring(pinyin.lastIndexOf(' ') + 1), chineseId))
			.as("found by pinyin").isTrue();

		String digits = ((String) western.get("phone_digits")).split(" ")[0];
		String phoneFragment = digits.substring(digits.length() - 7, digits.length() - 1);
		assertThat(findsInSomePage(admin, phoneFragment, westernId)).as("found by phone fragment %s", phoneFragment)
			.isTrue();
	}

	@Test
	void computesTheSearchColumnsExactlyAsTheFacadesDo() {
		Result result = generator.generate(new Plan(300, 30, 0, 11));
		List<Map<String, Object>> rows = jdbc.sql("""
				select display_name, first_name, last_name, emails, phones, company_name, sort_name, search_text,
				       search_grams, phone_digits from contacts where id between ? and ? order by id limit 50""")
			.params(result.firstContactId(), result.lastContactId())
			.query((rs, i) -> Map.<String, Object>of("ix",
					Indexing.ofContact(rs.getString("display_name"), rs.getString("first_name"),
							rs.getString("last_name"), List.of((String[]) rs.getArray("emails").getArray()),
							List.of((String[]) rs.getArray("phones").getArray()), rs.getString("company_name")),
					"stored", new Indexing(rs.getString("sort_name"), rs.getString("search_text"),
							(String[]) rs.getArray("search_grams").getArray(), rs.getString("phone_digits"))))
			.list();
		assertThat(rows).hasSize(50).allSatisfy(r -> {
			Indexing expected = (Indexing) r.get("ix");
			Indexing stored = (Indexing) r.get("stored");
			assertThat(stored.sortName()).isEqualTo(expected.sortName());
			assertThat(stored.searchText()).isEqualTo(expected.searchText());
			assertThat(stored.grams()).containsExactly(expected.grams());
			assertThat(stored.phoneDigits()).isEqualTo(expected.phoneDigits());
		});
		// a generated contact reads through the facade like any other
		Actor admin = users.findByUsername("admin").orElseThrow().actor();
		ContactView read = Actor.callAs(admin, () -> contacts.get(result.firstContactId()));
		assertThat(read.displayName()).isNotBlank();
		assertThat(read.phones()).isNotEmpty();
		assertThat(read.email()).contains("@");
	}

	/** Pages through the search results (other tests' data shares the database) until the contact shows. */
	private boolean findsInSomePage(Actor actor, String q, long id) {
		String cursor = null;
		for (int page = 0; page < 50; page++) {
			String at = cursor;
			Page<ContactView> found = Actor.callAs(actor,
					() -> contacts.list(new ContactQuery(q, null, null, null, null, null, null, 200, at)));
			if (found.items().stream().map(ContactView::id).anyMatch(Predicate.isEqual(id))) {
				return true;
			}
			if (found.nextCursor() == null) {
				return false;
			}
			cursor = found.nextCursor();
		}
		return false;
	}

	private Map<String, Object> row(long first, long last, String condition) {
		return jdbc.sql("select id, first_name, last_name, display_name, phone_digits from contacts where id between ? and ? and "
				+ condition + " order by id limit 1")
			.params(first, last)
			.query()
			.singleRow();
	}

	private long count(String sql, Object... params) {
		return jdbc.sql(sql).params(params).query(Long.class).single();
	}


}
