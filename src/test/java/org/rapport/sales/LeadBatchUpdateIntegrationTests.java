package org.rapport.sales;

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
import org.rapport.platform.StateConflict;
import org.rapport.support.Api;
import org.rapport.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Leads updated many at once (imports) are checked, versioned, re-indexed and audited exactly as if
 * updated one by one; a refused change is reported at its position, with what update would throw, and
 * does not stop the others.
 */
class LeadBatchUpdateIntegrationTests extends IntegrationTest {

	@Autowired
	LeadManagement leads;

	@Autowired
	AuditTrail audit;

	@Autowired
	JdbcClient jdbc;

	private static LeadFields lead(String last, String email, long owner) {
		return new LeadFields("Ada", last, email, "+44 20 7946 0200", "Works Ltd", "Buyer", null, "Leeds", "GB", "import",
				null, null, null, owner);
	}

	@Test
	void updatesEachAsUpdateWouldWithOneAuditEntryOfTheChangedFieldsAndRefusalsByPosition() {
		String admin = admin();
		Api.TestUser rep = api.newUser(admin, "SALES_REP", Api.unique("team-lubatch"));
		String tag = Api.unique("lubatch").replace("-", "");
		Actor actor = new Actor(rep.id(), rep.username(), rep.username(), Role.SALES_REP, null);
		long[] own = new long[5];
		long[] others = new long[1];
		Actor.runAs(actor, () -> {
			// own[0] and own[4] are twins: the same change goes to one by updateAll, to the other by update
			for (int i = 0; i < own.length; i++) {
				own[i] = leads.create(lead("Lovelace" + tag, "ada" + (i % 4) + "." + tag + "@example.com", rep.id())).id();
			}
		});
		Actor.runAs(adminActor(), () -> others[0] = leads.create(lead("Other" + tag, null, Actor.current().id())).id());
		jdbc.sql("update leads set status = 'converted', converted_at = now() where id = ?").param(own[3]).update();
		Actor.runAs(actor, () -> {
			LeadView a = leads.get(own[0]);
			LeadView b = leads.get(own[1]);
			LeadView c = leads.get(own[2]);
			LeadView converted = leads.get(own[3]);
			LeadView twin = leads.get(own[4]);

			BatchWritten written = leads.updateAll(List.of(new LeadManagement.Change(a.id(), a.version(), changed(a)),
					new LeadManagement.Change(b.id(), b.version() + 1, changed(b)),
					new LeadManagement.Change(c.id(), c.version(), withEmail(c, "not-an-address")),
					new LeadManagement.Change(others[0], 0, changed(a)),
					new LeadManagement.Change(converted.id(), converted.version(), changed(converted))));

			assertThat(written.refused()).containsOnlyKeys(1, 2, 3, 4);
			assertThat(written.refused().get(1)).isInstanceOf(StaleVersion.class);
			assertThat(written.refused().get(2)).isInstanceOf(InvalidInput.class);
			assertThat(written.refused().get(2).fieldProblems()).extracting(FieldProblem::field).containsExactly("email");
			assertThat(written.refused().get(3)).isInstanceOf(RecordNotFound.class);
			assertThat(written.refused().get(4)).isInstanceOf(StateConflict.class);
			assertThat(written.ids()).containsExactly(a.id(), null, null, null, null);
			LeadView after = leads.get(a.id());
			assertThat(after.title()).isEqualTo("Head buyer");
			assertThat(after.status()).isEqualTo("working");
			assertThat(after.company()).isEqualTo("Acme" + tag);
			assertThat(after.phone()).isEqualTo("+44 20 7946 0299");
			assertThat(after.version()).isEqualTo(1);
			assertThat(leads.get(b.id()).version()).isZero();
			assertThat(leads.get(c.id()).email()).isEqualTo(c.email());
			assertThat(leads.list("Acme" + tag, null, null, null, null, 5, null).items()).extracting(LeadView::id)
				.containsExactly(a.id());

			// the same change by update: the same search columns and audit entry
			leads.update(twin.id(), twin.version(), changed(twin));
			assertThat(searchColumns(a.id())).isEqualTo(searchColumns(twin.id()));
			List<AuditRecord> batch = audit.history("lead", Long.toString(a.id()), 10, null);
			List<AuditRecord> single = audit.history("lead", Long.toString(twin.id()), 10, null);
			assertThat(batch).extracting(AuditRecord::action).containsExactly("update", "create");
			assertThat(batch.get(0).actorId()).isEqualTo(rep.id());
			assertThat(batch.get(0).changes()).isNotEmpty().isEqualTo(single.get(0).changes());
			assertThat(audit.history("lead", Long.toString(b.id()), 10, null)).hasSize(1);
			assertThat(audit.history("lead", Long.toString(c.id()), 10, null)).hasSize(1);
			assertThat(audit.history("lead", Long.toString(converted.id()), 10, null)).hasSize(1);

			assertThatThrownBy(() -> leads.updateAll(List.of(new LeadManagement.Change(b.id(), 0, b.fields()),
					new LeadManagement.Change(b.id(), 0, b.fields()))))
				.isInstanceOf(IllegalArgumentException.class);
		});
		assertThat(audit.verify().intact()).isTrue();
	}

	@Test
	void onlyThoseWhoMayEditLeadsUpdateMany() {
		String admin = admin();
		Api.TestUser analyst = api.newUser(admin, "ANALYST", Api.unique("team-luan"));
		String tag = Api.unique("luan").replace("-", "");
		LeadView[] lead = new LeadView[1];
		Actor.runAs(adminActor(), () -> lead[0] = leads.create(lead("Analysed" + tag, null, Actor.current().id())));
		Actor.runAs(new Actor(analyst.id(), analyst.username(), analyst.username(), Role.ANALYST, null), () -> {
			BatchWritten written = leads.updateAll(List.of(new LeadManagement.Change(lead[0].id(), 0, changed(lead[0]))));
			assertThat(written.refused().get(0)).isInstanceOf(org.rapport.platform.NotPermitted.class);
			assertThat(written.ids()).containsExactly((Long) null);
		});
	}

	/** The change that goes to the twins: a new phone, company, title and status. */
	private static LeadFields changed(LeadView l) {
		return edited(l, l.email(), "+44 20 7946 0299", "Acme" + l.lastName().replace("Lovelace", "").replace("Other", ""),
				"Head buyer", "working");
	}

	private static LeadFields withEmail(LeadView l, String email) {
		return edited(l, email, l.phone(), l.company(), l.title(), l.status());
	}

	private static LeadFields edited(LeadView l, String email, String phone, String company, String title, String status) {
		LeadFields f = l.fields();
		return new LeadFields(f.firstName(), f.lastName(), email, phone, company, title, f.website(), f.city(), f.country(),
				f.source(), status, null, f.notes(), f.ownerId());
	}

	private Actor adminActor() {
		long id = jdbc.sql("select id from users where username = 'admin'").query(Long.class).single();
		return new Actor(id, "admin", "admin", Role.ADMIN, null);
	}

	private Map<String, Object> searchColumns(long id) {
		return jdbc.sql("select sort_name, search_text, array_to_string(search_grams, ' ') grams, phone_digits from leads where id = ?")
			.param(id).query().singleRow();
	}

}
