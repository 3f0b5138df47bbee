package org.rapport.sales;

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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Leads created many at once (imports) are checked, owned, stored and audited exactly as if created one
 * by one, and the searches of a batch's duplicate check are answered in one query exactly as the list
 * answers each.
 */
class LeadBatchCreateIntegrationTests extends IntegrationTest {

	@Autowired
	LeadManagement leads;

	@Autowired
	AuditTrail audit;

	@Autowired
	JdbcClient jdbc;

	private static LeadFields lead(String first, String last, String email, String phone, String status) {
		return new LeadFields(first, last, email, phone, "Works Ltd", "Buyer", null, "Leeds", "GB", "import", status, null,
				null, null);
	}

	@Test
	void createsEachAsCreateWouldWithOneAuditEntryEachAndRefusalsByPosition() {
		String admin = admin();
		Api.TestUser rep = api.newUser(admin, "SALES_REP", Api.unique("team-lbatch"));
		Actor actor = new Actor(rep.id(), rep.username(), rep.username(), Role.SALES_REP, null);
		String tag = Api.unique("lbatch").replace("-", "");
		Actor.runAs(actor, () -> {
			BatchWritten created = leads.createAll(List.of(
					lead("Ada", "Lovelace" + tag, "ada." + tag + "@example.com", "+44 20 7946 0002", null),
					lead("Bad", "Mail" + tag, "not-an-address", null, null),
					lead("Alan", "Turing" + tag, null, null, "converted"),
					lead("Grace", "Hopper" + tag, "grace." + tag + "@example.com", null, "working")));

			assertThat(created.refused()).containsOnlyKeys(1, 2);
			assertThat(created.refused().get(1).fieldProblems()).extracting(FieldProblem::field).containsExactly("email");
			assertThat(created.refused().get(2).fieldProblems()).extracting(FieldProblem::field).containsExactly("status");
			LeadView ada = leads.get(created.ids().get(0));
			assertThat(ada.displayName()).isEqualTo("Ada Lovelace" + tag);
			assertThat(ada.status()).isEqualTo("new");
			assertThat(ada.ownerId()).isPositive();
			assertThat(ada.version()).isZero();
			assertThat(leads.get(created.ids().get(3)).status()).isEqualTo("working");
			LeadView single = leads.create(lead("Ada", "Lovelace" + tag, "ada." + tag + "@example.com", "+44 20 7946 0002",
					null));
			assertThat(searchColumns(ada.id())).isEqualTo(searchColumns(single.id()));
			List<AuditRecord> batchHistory = audit.history("lead", Long.toString(ada.id()), 10, null);
			assertThat(batchHistory).hasSize(1);
			assertThat(batchHistory.get(0).action()).isEqualTo("create");
			assertThat(batchHistory.get(0).actorId()).isEqualTo(rep.id());
			List<AuditRecord> singleHistory = audit.history("lead", Long.toString(single.id()), 10, null);
			if (single.ownerId() == ada.ownerId()) {
				assertThat(batchHistory.get(0).changes()).isEqualTo(singleHistory.get(0).changes());
			}
		});
		assertThat(audit.verify().intact()).isTrue();
	}

	@Test
	void answersEachSearchAsTheListDoesInOneQuery() {
		String admin = admin();
		String tag = Api.unique("lfind").replace("-", "");
		String digits = String.format("%04d", Math.abs(tag.hashCode()) % 10_000);
		List<Map<String, Object>> bodies = List.of(
				Map.of("firstName", "Ada", "lastName", "A" + tag, "email", "ada." + tag + "@example.com"),
				Map.of("firstName", "Ada", "lastName", "B" + tag, "email", "ada." + tag + "@example.com.cn"),
				Map.of("firstName", "Alan", "lastName", "C" + tag, "phone", "+44 20 7946 " + digits));
		for (Map<String, Object> body : bodies) {
			assertThat(api.post("/api/v1/leads", admin, body).status()).isEqualTo(201);
		}
		List<String> terms = List.of("ada." + tag + "@example.com", "+44207946" + digits, "nobody." + tag + "@example.com");
		long id = jdbc.sql("select id from users where username = 'admin'").query(Long.class).single();
		Actor.runAs(new Actor(id, "admin", "admin", Role.ADMIN, null), () -> {
			for (int limit : new int[] { 20, 1 }) {
				Map<String, List<LeadView>> found = leads.findEach(terms, limit);
				assertThat(found).containsOnlyKeys(terms);
				for (String term : terms) {
					assertThat(found.get(term)).as(term).isEqualTo(leads.list(term, null, null, null, null, limit, null).items());
				}
			}
			assertThat(leads.findEach(terms, 20).get(terms.get(0))).hasSize(2);
		});
	}

	@Test
	void onlyThoseWhoMayCreateLeadsCreateMany() {
		String admin = admin();
		Api.TestUser analyst = api.newUser(admin, "ANALYST", Api.unique("team-lan"));
		Actor actor = new Actor(analyst.id(), analyst.username(), analyst.username(), Role.ANALYST, null);
		Actor.runAs(actor, () -> assertThatThrownBy(() -> leads.createAll(List.of(lead("X", "Y", null, null, null))))
			.isInstanceOf(NotPermitted.class));
	}

	private Map<String, Object> searchColumns(long id) {
		return jdbc.sql("select sort_name, search_text, array_to_string(search_grams, ' ') grams, phone_digits from leads where id = ?")
			.param(id).query().singleRow();
	}

}
