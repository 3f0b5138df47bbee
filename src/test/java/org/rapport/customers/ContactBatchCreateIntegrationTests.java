package org.rapport.customers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rapport.platform.Actor;
import org.rapport.platform.AuditTrail;
import org.rapport.platform.AuditTrail.AuditRecord;
import org.rapport.platform.NotPermitted;
import org.rapport.platform.Role;
import org.rapport.platform.RapportException.FieldProblem;
import org.rapport.support.Api;
import org.rapport.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Contacts created many at once (imports) are checked, stored, audited and found exactly as if created
 * one by one; a refused record is reported at its position and does not stop the others.
 */
class ContactBatchCreateIntegrationTests extends IntegrationTest {

	@Autowired
	ContactManagement contacts;

	@Autowired
	AccountManagement accounts;

	@Autowired
	AuditTrail audit;

	@Autowired
	JdbcClient jdbc;

	@Test
	void createsEachAsCreateWouldWithOneAuditEntryEachAndRefusalsByPosition() {
		String admin = admin();
		Api.TestUser rep = api.newUser(admin, "SALES_REP", Api.unique("team-batch"));
		Actor actor = new Actor(rep.id(), rep.username(), rep.username(), Role.SALES_REP, null);
		String tag = Api.unique("batch").replace("-", "");
		Actor.runAs(actor, () -> {
			long account = accounts.create(AccountFields.named("Batch Works " + tag)).id();
			List<ContactFields> all = new ArrayList<>();
			for (int i = 0; i < 1200; i++) {
				all.add(new ContactFields("Ann" + i, "Lee" + tag, "Buyer", List.of("ann" + i + "." + tag + "@example.com"),
						List.of("+1 202 555 " + String.format("%04d", i)), i % 2 == 0 ? account : null, null, "Boston",
						null, null, null, null, "import", null, List.of(tag), Map.of()));
			}
			// refused: not an e-mail address; no name at all; an account that does not exist
			all.set(3, new ContactFields("Bad", "Mail", null, List.of("not-an-address"), List.of(), null, null, null, null,
					null, null, null, null, null, List.of(tag), Map.of()));
			all.set(700, new ContactFields(null, " ", null, List.of(), List.of(), null, null, null, null, null, null, null,
					null, null, List.of(tag), Map.of()));
			all.set(1100, new ContactFields("No", "Account", null, List.of(), List.of(), -5L, null, null, null, null, null,
					null, null, null, List.of(tag), Map.of()));

			ContactManagement.BatchCreated created = contacts.createAll(all);

			assertThat(created.refused()).containsOnlyKeys(3, 700, 1100);
			assertThat(created.refused().get(3).fieldProblems()).extracting(FieldProblem::field).containsExactly("email");
			assertThat(created.refused().get(700).fieldProblems()).extracting(FieldProblem::code)
				.containsExactly("required");
			assertThat(created.refused().get(1100).fieldProblems()).extracting(FieldProblem::code)
				.containsExactly("unknown-account");
			assertThat(created.ids()).hasSize(1200);
			assertThat(created.ids().get(3)).isNull();
			assertThat(created.ids().stream().filter(java.util.Objects::nonNull).distinct()).hasSize(1197);

			// stored as create stores it: display name, company name, search columns, owner, version
			ContactView second = contacts.get(created.ids().get(2));
			assertThat(second.displayName()).isEqualTo("Ann2 Lee" + tag);
			assertThat(second.accountId()).isEqualTo(account);
			assertThat(second.accountName()).isEqualTo("Batch Works " + tag);
			assertThat(second.email()).isEqualTo("ann2." + tag + "@example.com");
			assertThat(second.ownerId()).isEqualTo(rep.id());
			assertThat(second.lifecycleStage()).isEqualTo("lead");
			assertThat(second.version()).isZero();
			ContactView single = contacts.create(new ContactFields("Ann2", "Lee" + tag, "Buyer",
					List.of("single." + tag + "@example.com"), List.of("+1 202 555 0002"), account, null, "Boston", null,
					null, null, null, "import", null, List.of(tag), Map.of()));
			Map<String, Object> batchColumns = searchColumns(second.id());
			Map<String, Object> singleColumns = searchColumns(single.id());
			assertThat(batchColumns.get("sort_name")).isEqualTo(singleColumns.get("sort_name"));
			assertThat(batchColumns.get("phone_digits")).isEqualTo(singleColumns.get("phone_digits"));
			assertThat(contacts.list(new ContactQuery("Ann1150 Lee" + tag, null, null, null, null, Map.of(), null, 10, null)).items())
				.extracting(ContactView::id).containsExactly(created.ids().get(1150));
			assertThat(contacts.findByEmailOrPhone(null, "(202) 555-1199", 5)).extracting(ContactView::id)
				.containsExactly(created.ids().get(1199));

			// one audit entry per contact, by the actor, chained
			List<AuditRecord> history = audit.history("contact", Long.toString(created.ids().get(0)), 10, null);
			assertThat(history).hasSize(1);
			assertThat(history.get(0).action()).isEqualTo("create");
			assertThat(history.get(0).actorId()).isEqualTo(rep.id());
			assertThat(jdbc.sql("select count(*) from audit_log where entity_type = 'contact' and entity_id = any(?)")
				.param(created.ids().stream().filter(java.util.Objects::nonNull).map(String::valueOf).toArray(String[]::new))
				.query(Long.class).single()).isEqualTo(1197);
		});
		assertThat(audit.verify().intact()).isTrue();
	}

	@Test
	void findsTheCandidatesOfManyAddressesAndNumbersInOneQuery() {
		String admin = admin();
		String tag = Api.unique("many").replace("-", "");
		long a = api.post("/api/v1/contacts", admin, Map.of("firstName", "A", "lastName", tag, "email",
				"a." + tag + "@example.com")).id();
		long b = api.post("/api/v1/contacts", admin, Map.of("firstName", "B", "lastName", tag, "phone",
				"+44 20 7946 " + Math.abs(tag.hashCode() % 10) + "123")).id();
		api.post("/api/v1/contacts", admin, Map.of("firstName", "C", "lastName", tag, "email", "c." + tag + "@example.com"));
		Actor.runAs(adminActor(), () -> {
			assertThat(contacts.findByEmailsOrPhones(List.of("A." + tag + "@EXAMPLE.COM", "nobody@example.com"),
					List.of("020 7946 " + Math.abs(tag.hashCode() % 10) + "123", "12"), 100))
				.extracting(ContactView::id).containsExactlyInAnyOrder(a, b);
			assertThat(contacts.findByEmailsOrPhones(List.of(), List.of(), 100)).isEmpty();
		});
	}

	@Test
	void onlyThoseWhoMayCreateContactsCreateMany() {
		String admin = admin();
		Api.TestUser analyst = api.newUser(admin, "ANALYST", Api.unique("team-an"));
		Actor actor = new Actor(analyst.id(), analyst.username(), analyst.username(), Role.ANALYST, null);
		Actor.runAs(actor, () -> assertThatThrownBy(() -> contacts.createAll(List.of(ContactFields.named("X", "Y"))))
			.isInstanceOf(NotPermitted.class));
	}

	private Map<String, Object> searchColumns(long id) {
		return jdbc.sql("select sort_name, search_text, phone_digits from contacts where id = ?").param(id).query()
			.singleRow();
	}

	private Actor adminActor() {
		long id = jdbc.sql("select id from users where username = 'admin'").query(Long.class).single();
		return new Actor(id, "admin", "admin", Role.ADMIN, null);
	}

}
