package org.rapport.customers;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rapport.platform.Actor;
import org.rapport.platform.AuditTrail;
import org.rapport.platform.AuditTrail.AuditRecord;
import org.rapport.platform.BatchWritten;
import org.rapport.platform.InvalidInput;
import org.rapport.platform.RapportException.FieldProblem;
import org.rapport.platform.RecordNotFound;
import org.rapport.platform.Role;
import org.rapport.platform.StaleVersion;
import org.rapport.support.Api;
import org.rapport.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Accounts updated many at once (imports) are checked, versioned, re-indexed, audited and announced
 * exactly as if updated one by one, their contacts follow a new name; a refused change is reported at
 * its position, with what update would throw, and does not stop the others.
 */
@RecordApplicationEvents
class AccountBatchUpdateIntegrationTests extends IntegrationTest {

	@Autowired
	AccountManagement accounts;

	@Autowired
	ContactManagement contacts;

	@Autowired
	AuditTrail audit;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEvents events;

	@Test
	void updatesEachAsUpdateWouldWithOneAuditEntryOfTheChangedFieldsAndRefusalsByPosition() {
		String admin = admin();
		Api.TestUser rep = api.newUser(admin, "SALES_REP", Api.unique("team-aubatch"));
		String tag = Api.unique("aubatch").replace("-", "");
		// own[0] and own[3] are twins: the same change goes to one by updateAll, to the other by update
		long[] own = new long[4];
		long[] contactOf = new long[4];
		for (int i = 0; i < own.length; i++) {
			own[i] = api.post("/api/v1/accounts", rep.token(), Map.of("name", "Acme" + tag + (i % 3 == 0 ? "" : i),
					"industry", "Old", "website", "acme-" + tag + ".example.com", "phone", "+44 20 7946 0100")).id();
			contactOf[i] = api.post("/api/v1/contacts", rep.token(), Map.of("firstName", "Cy", "lastName", "Co" + tag,
					"accountId", own[i])).id();
		}
		long others = api.post("/api/v1/accounts", admin, Map.of("name", "Zed" + tag)).id();
		Actor actor = new Actor(rep.id(), rep.username(), rep.username(), Role.SALES_REP, null);
		Actor.runAs(actor, () -> {
			AccountView a = accounts.get(own[0]);
			AccountView b = accounts.get(own[1]);
			AccountView c = accounts.get(own[2]);
			AccountView twin = accounts.get(own[3]);

			BatchWritten written = accounts.updateAll(List.of(new AccountManagement.Change(a.id(), a.version(), changed(a, tag)),
					new AccountManagement.Change(b.id(), b.version() + 1, changed(b, tag)),
					new AccountManagement.Change(c.id(), c.version(), withSize(c, "gigantic")),
					new AccountManagement.Change(others, 0, AccountFields.named("Zed" + tag)),
					new AccountManagement.Change(Long.MAX_VALUE, 0, AccountFields.named("Nobody" + tag))));

			assertThat(written.refused()).containsOnlyKeys(1, 2, 3, 4);
			assertThat(written.refused().get(1)).isInstanceOf(StaleVersion.class);
			assertThat(written.refused().get(2)).isInstanceOf(InvalidInput.class);
			assertThat(written.refused().get(2).fieldProblems()).extracting(FieldProblem::field).containsExactly("size");
			assertThat(written.refused().get(3)).isInstanceOf(RecordNotFound.class);
			assertThat(written.refused().get(4)).isInstanceOf(RecordNotFound.class);
			assertThat(written.ids()).containsExactly(a.id(), null, null, null, null);
			AccountView after = accounts.get(a.id());
			assertThat(after.name()).isEqualTo("Acme" + tag + " Holdings");
			assertThat(after.industry()).isEqualTo("Retail");
			assertThat(after.size()).isEqualTo("11-50");
			assertThat(after.tags()).containsExactly(tag);
			assertThat(after.version()).isEqualTo(1);
			assertThat(accounts.get(b.id()).version()).isZero();
			assertThat(accounts.get(c.id()).size()).isNull();
			assertThat(accounts.list(new AccountQuery("Acme" + tag + " Holdings", null, null, null, null, null, 5, null)).items())
				.extracting(AccountView::id).containsExactly(a.id());

			// the same change by update: the same row, search columns and audit entry
			accounts.update(twin.id(), twin.version(), changed(twin, tag));
			assertThat(searchColumns("accounts", a.id())).isEqualTo(searchColumns("accounts", twin.id()));
			assertThat(contacts.get(contactOf[0]).accountName()).isEqualTo("Acme" + tag + " Holdings");
			assertThat(searchColumns("contacts", contactOf[0])).isEqualTo(searchColumns("contacts", contactOf[3]));
			assertThat(contacts.get(contactOf[1]).accountName()).isEqualTo("Acme" + tag + "1");
			List<AuditRecord> batch = audit.history("account", Long.toString(a.id()), 10, null);
			List<AuditRecord> single = audit.history("account", Long.toString(twin.id()), 10, null);
			assertThat(batch).extracting(AuditRecord::action).containsExactly("update", "create");
			assertThat(batch.get(0).actorId()).isEqualTo(rep.id());
			assertThat(batch.get(0).changes()).isNotEmpty().isEqualTo(single.get(0).changes());
			assertThat(audit.history("account", Long.toString(b.id()), 10, null)).hasSize(1);
			assertThat(audit.history("account", Long.toString(c.id()), 10, null)).hasSize(1);

			assertThatThrownBy(() -> accounts.updateAll(List.of(new AccountManagement.Change(b.id(), 0, b.fields()),
					new AccountManagement.Change(b.id(), 0, b.fields()))))
				.isInstanceOf(IllegalArgumentException.class);
		});
		assertThat(events.stream(AccountUpdated.class).map(AccountUpdated::accountId).toList()).contains(own[0], own[3])
			.doesNotContain(own[1], own[2], others);
		assertThat(audit.verify().intact()).isTrue();
	}

	@Test
	void anEmptyBatchWritesNothing() {
		Actor.runAs(Actor.SYSTEM, () -> {
			BatchWritten written = accounts.updateAll(List.of());
			assertThat(written.ids()).isEmpty();
			assertThat(written.refused()).isEmpty();
		});
	}

	private static AccountFields changed(AccountView a, String tag) {
		AccountFields f = a.fields();
		return new AccountFields("Acme" + tag + " Holdings", "Retail", "11-50", f.website(), f.phone(), f.street(),
				"London", f.region(), f.postalCode(), f.country(), f.ownerId(), List.of(tag), f.customFields());
	}

	private static AccountFields withSize(AccountView a, String size) {
		AccountFields f = a.fields();
		return new AccountFields(f.name(), f.industry(), size, f.website(), f.phone(), f.street(), f.city(), f.region(),
				f.postalCode(), f.country(), f.ownerId(), f.tags(), f.customFields());
	}

	/** The columns a search finds the record by (a contact's with its company name). */
	private Map<String, Object> searchColumns(String table, long id) {
		return jdbc.sql("select " + (table.equals("contacts") ? "company_name, " : "")
				+ "sort_name, search_text, array_to_string(search_grams, ' ') grams, phone_digits from " + table
				+ " where id = ?")
			.param(id).query().singleRow();
	}

}
