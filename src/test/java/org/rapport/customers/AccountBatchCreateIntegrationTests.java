package org.rapport.customers;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rapport.platform.Actor;
import org.rapport.platform.AuditTrail;
import org.rapport.platform.AuditTrail.AuditRecord;
import org.rapport.platform.BatchWritten;
import org.rapport.platform.NotPermitted;
import org.rapport.platform.RapportException.FieldProblem;
import org.rapport.platform.Role;
import org.rapport.support.Api;
import org.rapport.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Accounts created many at once (imports) are checked, stored, audited and announced exactly as if
 * created one by one, and the searches of a batch's duplicate check are answered in one query exactly as
 * the list answers each.
 */
@RecordApplicationEvents
class AccountBatchCreateIntegrationTests extends IntegrationTest {

	@Autowired
	AccountManagement accounts;

	@Autowired
	AuditTrail audit;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEvents events;

	@Test
	void createsEachAsCreateWouldWithOneAuditEntryAndEventEachAndRefusalsByPosition() {
		String admin = admin();
		Api.TestUser rep = api.newUser(admin, "SALES_REP", Api.unique("team-abatch"));
		Actor actor = new Actor(rep.id(), rep.username(), rep.username(), Role.SALES_REP, null);
		String tag = Api.unique("abatch").replace("-", "");
		Actor.runAs(actor, () -> {
			List<AccountFields> all = List.of(
					new AccountFields(tag + " Widgets Ltd", "Retail", "11-50", "https://widgets-" + tag + ".example.com",
							"+44 20 7946 0001", null, "London", null, null, "GB", null, List.of(tag), Map.of()),
					new AccountFields(tag + " Huge", null, "gigantic", null, null, null, null, null, null, null, null,
							List.of(tag), Map.of()),
					new AccountFields(" ", null, null, null, null, null, null, null, null, null, null, List.of(tag), Map.of()),
					new AccountFields(tag + " Gadgets", null, null, null, " ", null, "Leeds", null, null, null, null,
							List.of(tag), Map.of()));

			BatchWritten created = accounts.createAll(all);

			assertThat(created.refused()).containsOnlyKeys(1, 2);
			assertThat(created.refused().get(1).fieldProblems()).extracting(FieldProblem::field).containsExactly("size");
			assertThat(created.refused().get(2).fieldProblems()).extracting(FieldProblem::code).containsExactly("required");
			assertThat(created.ids().get(1)).isNull();
			assertThat(created.ids().get(2)).isNull();
			long widgets = created.ids().get(0);
			long gadgets = created.ids().get(3);

			AccountView stored = accounts.get(widgets);
			assertThat(stored.name()).isEqualTo(tag + " Widgets Ltd");
			assertThat(stored.size()).isEqualTo("11-50");
			assertThat(stored.ownerId()).isEqualTo(rep.id());
			assertThat(stored.version()).isZero();
			assertThat(accounts.get(gadgets).phone()).isNull();
			AccountView single = accounts.create(new AccountFields(tag + " Widgets Ltd", "Retail", "11-50",
					"https://widgets-" + tag + ".example.com", "+44 20 7946 0001", null, "London", null, null, "GB", null,
					List.of(tag), Map.of()));
			assertThat(searchColumns(widgets)).isEqualTo(searchColumns(single.id()));

			// one audit entry each, with the content a single create writes
			List<AuditRecord> batchHistory = audit.history("account", Long.toString(widgets), 10, null);
			List<AuditRecord> singleHistory = audit.history("account", Long.toString(single.id()), 10, null);
			assertThat(batchHistory).hasSize(1);
			assertThat(batchHistory.get(0).action()).isEqualTo("create");
			assertThat(batchHistory.get(0).actorId()).isEqualTo(rep.id());
			assertThat(batchHistory.get(0).changes()).isEqualTo(singleHistory.get(0).changes());
			assertThat(audit.history("account", Long.toString(gadgets), 10, null)).hasSize(1);
		});
		assertThat(events.stream(AccountCreated.class).map(AccountCreated::accountId).toList()).contains(
				jdbc.sql("select id from accounts where ? = any(tags) order by id").param(tag).query(Long.class).list()
					.toArray(Long[]::new));
		assertThat(audit.verify().intact()).isTrue();
	}

	@Test
	void answersEachSearchAsTheListDoesInOneQuery() {
		String admin = admin();
		String tag = Api.unique("afind").replace("-", "");
		Api.TestUser rep = api.newUser(admin, "SALES_REP", Api.unique("team-afind"));
		for (String name : List.of(tag + "alpha One", tag + "alpha Two Ltd", tag + "beta")) {
			assertThat(api.post("/api/v1/accounts", admin, Map.of("name", name)).status()).isEqualTo(201);
		}
		long own = api.post("/api/v1/accounts", rep.token(), Map.of("name", tag + "alpha Rep")).id();
		List<String> terms = List.of(tag + "alpha", tag + "beta", tag + "none", tag.substring(0, 6));
		Actor.runAs(adminActor(), () -> sameAsList(terms, 50));
		Actor.runAs(adminActor(), () -> sameAsList(terms, 2));
		Actor repActor = new Actor(rep.id(), rep.username(), rep.username(), Role.SALES_REP, null);
		Actor.runAs(repActor, () -> {
			sameAsList(terms, 50);
			assertThat(accounts.findEach(terms, 50).get(tag + "alpha")).extracting(AccountView::id).containsExactly(own);
		});
		Actor.runAs(adminActor(), () -> {
			Map<String, List<AccountView>> found = accounts.findEach(List.of(tag + "alpha", " ", tag + "alpha"), 50);
			assertThat(found).containsOnlyKeys(tag + "alpha");
			assertThat(found.get(tag + "alpha")).hasSize(3);
		});
	}

	@Test
	void searchColumnsAreMatchedInJavaExactlyAsTheSearchMatchesThem() {
		String admin = admin();
		String tag = Api.unique("amatch").replace("-", "");
		String digits = String.format("%06d", Math.abs(tag.hashCode()) % 1_000_000);
		List<List<String>> fields = List.of(List.of(tag + " Widgets Ltd", "https://widgets.example.com", ""),
				List.of("北京" + tag + "科技有限公司", "", "+86 10 " + digits), List.of(tag + " Zhang Wei", "", ""),
				List.of("Widget " + tag + " Shop", "", "+44 20 7946 " + digits.substring(2)));
		Map<Long, org.rapport.platform.text.Indexing> indexed = new java.util.HashMap<>();
		for (List<String> f : fields) {
			Map<String, Object> body = new java.util.HashMap<>(Map.of("name", f.get(0)));
			if (!f.get(1).isEmpty()) {
				body.put("website", f.get(1));
			}
			if (!f.get(2).isEmpty()) {
				body.put("phone", f.get(2));
			}
			long id = api.post("/api/v1/accounts", admin, body).id();
			indexed.put(id, org.rapport.platform.text.Indexing.ofAccount(f.get(0), f.get(1).isEmpty() ? null : f.get(1),
					f.get(2).isEmpty() ? null : f.get(2)));
		}
		List<String> terms = List.of(tag, tag + " widgets", tag.toUpperCase(), "北京" + tag, "科技", "科", "北京科技",
				tag + " zhang", tag + " Wei Zhang", tag + "xyz", "10 " + digits, digits, digits.substring(2), tag + " example",
				"widgets " + tag, tag + " ltd", tag + " shop widget");
		Actor.runAs(adminActor(), () -> {
			for (String term : terms) {
				java.util.Set<Long> found = new java.util.HashSet<>();
				accounts.list(new AccountQuery(term, null, null, null, null, null, 100, null)).items()
					.forEach(a -> found.add(a.id()));
				for (var e : indexed.entrySet()) {
					assertThat(e.getValue().matches(term)).as(term + " ~ " + e.getKey()).isEqualTo(found.contains(e.getKey()));
				}
			}
		});
	}

	@Test
	void onlyThoseWhoMayCreateAccountsCreateMany() {
		String admin = admin();
		Api.TestUser analyst = api.newUser(admin, "ANALYST", Api.unique("team-aan"));
		Actor actor = new Actor(analyst.id(), analyst.username(), analyst.username(), Role.ANALYST, null);
		Actor.runAs(actor, () -> assertThatThrownBy(() -> accounts.createAll(List.of(AccountFields.named("X"))))
			.isInstanceOf(NotPermitted.class));
	}

	private void sameAsList(List<String> terms, int limit) {
		Map<String, List<AccountView>> found = accounts.findEach(terms, limit);
		assertThat(found).containsOnlyKeys(terms);
		for (String term : terms) {
			assertThat(found.get(term)).as(term)
				.isEqualTo(accounts.list(new AccountQuery(term, null, null, null, null, null, limit, null)).items());
		}
	}

	private Map<String, Object> searchColumns(long id) {
		Map<String, Object> columns = new java.util.HashMap<>(jdbc
			.sql("select sort_name, search_text, array_to_string(search_grams, ' ') grams, phone_digits from accounts where id = ?")
			.param(id).query().singleRow());
		return columns;
	}

	private Actor adminActor() {
		long id = jdbc.sql("select id from users where username = 'admin'").query(Long.class).single();
		return new Actor(id, "admin", "admin", Role.ADMIN, null);
	}

}
