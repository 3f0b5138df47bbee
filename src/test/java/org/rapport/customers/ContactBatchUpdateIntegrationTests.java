package org.rapport.customers;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rapport.platform.Actor;
import org.rapport.platform.AuditTrail;
import org.rapport.platform.AuditTrail.AuditRecord;
import org.rapport.platform.AuditTrail.FieldChange;
import org.rapport.platform.BatchWritten;
import org.rapport.platform.InvalidInput;
import org.rapport.platform.RecordNotFound;
import org.rapport.platform.Role;
import org.rapport.platform.StaleVersion;
import org.rapport.support.Api;
import org.rapport.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Contacts updated many at once (imports) are checked, versioned, audited and announced exactly as if
 * updated one by one; a refused change is reported at its position, with what update would throw, and
 * does not stop the others.
 */
@RecordApplicationEvents
class ContactBatchUpdateIntegrationTests extends IntegrationTest {

	@Autowired
	ContactManagement contacts;

	@Autowired
	AuditTrail audit;

	@Autowired
	ApplicationEvents events;

	@Test
	void updatesEachAsUpdateWouldWithOneAuditEntryOfTheChangedFieldsAndRefusalsByPosition() {
		String admin = admin();
		Api.TestUser rep = api.newUser(admin, "SALES_REP", Api.unique("team-ubatch"));
		String tag = Api.unique("ubatch").replace("-", "");
		long[] own = new long[4];
		for (int i = 0; i < own.length; i++) {
			own[i] = api.post("/api/v1/contacts", rep.token(), Map.of("firstName", "Ann" + i, "lastName", "Lee" + tag,
					"email", "ann" + i + "." + tag + "@example.com", "title", "Buyer")).id();
		}
		long others = api.post("/api/v1/contacts", admin, Map.of("firstName", "Zed", "lastName", "Lee" + tag)).id();
		Actor actor = new Actor(rep.id(), rep.username(), rep.username(), Role.SALES_REP, null);
		Actor.runAs(actor, () -> {
			ContactView a = contacts.get(own[0]);
			ContactView twin = contacts.get(own[3]);
			ContactFields changed = new ContactFields(a.firstName(), a.lastName(), "Head buyer",
					List.of("new." + tag + "@example.com", a.email()), a.phones(), null, null, null, null, null, null,
					a.lifecycleStage(), null, a.ownerId(), List.of(tag), Map.of());
			ContactView b = contacts.get(own[1]);
			ContactView c = contacts.get(own[2]);
			ContactFields badMail = new ContactFields(c.firstName(), c.lastName(), null, List.of("not-an-address"), List.of(),
					null, null, null, null, null, null, null, null, null, List.of(), Map.of());

			BatchWritten written = contacts.updateAll(List.of(new ContactManagement.Change(a.id(), a.version(), changed),
					new ContactManagement.Change(b.id(), b.version() + 1, b.fields()),
					new ContactManagement.Change(c.id(), c.version(), badMail),
					new ContactManagement.Change(others, 0, ContactFields.named("Zed", "Lee" + tag))));

			assertThat(written.refused()).containsOnlyKeys(1, 2, 3);
			assertThat(written.refused().get(1)).isInstanceOf(StaleVersion.class);
			assertThat(written.refused().get(2)).isInstanceOf(InvalidInput.class);
			assertThat(written.refused().get(3)).isInstanceOf(RecordNotFound.class);
			assertThat(written.ids()).containsExactly(a.id(), null, null, null);
			ContactView after = contacts.get(a.id());
			assertThat(after.title()).isEqualTo("Head buyer");
			assertThat(after.emails()).containsExactly("new." + tag + "@example.com", a.email());
			assertThat(after.version()).isEqualTo(1);
			assertThat(contacts.get(b.id()).version()).isZero();
			assertThat(contacts.get(c.id()).email()).isEqualTo(c.email());
			assertThat(contacts.findByEmailOrPhone("NEW." + tag + "@example.com", null, 5)).extracting(ContactView::id)
				.containsExactly(a.id());

			// the audit entry is the one update writes for the same change
			contacts.update(twin.id(), twin.version(), new ContactFields(twin.firstName(), twin.lastName(), "Head buyer",
					List.of("new." + tag + "@example.com", twin.email()), twin.phones(), null, null, null, null, null, null,
					twin.lifecycleStage(), null, twin.ownerId(), List.of(tag), Map.of()));
			List<AuditRecord> batch = audit.history("contact", Long.toString(a.id()), 10, null);
			List<AuditRecord> single = audit.history("contact", Long.toString(twin.id()), 10, null);
			assertThat(batch).extracting(AuditRecord::action).containsExactly("update", "create");
			assertThat(batch.get(0).changes()).extracting(FieldChange::field).contains("title", "emails", "tags");
			assertThat(batch.get(0).changes()).extracting(FieldChange::field)
				.isEqualTo(single.get(0).changes().stream().map(FieldChange::field).toList());
			assertThat(audit.history("contact", Long.toString(b.id()), 10, null)).hasSize(1);
			assertThat(audit.history("contact", Long.toString(c.id()), 10, null)).hasSize(1);

			assertThatThrownBy(() -> contacts.updateAll(List.of(new ContactManagement.Change(b.id(), 0, b.fields()),
					new ContactManagement.Change(b.id(), 0, b.fields()))))
				.isInstanceOf(IllegalArgumentException.class);
		});
		assertThat(events.stream(ContactUpdated.class).map(ContactUpdated::contactId).toList()).contains(own[0], own[3])
			.doesNotContain(own[1], own[2], others);
		assertThat(audit.verify().intact()).isTrue();
	}

}
