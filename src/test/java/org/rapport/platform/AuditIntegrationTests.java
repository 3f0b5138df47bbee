package org.rapport.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rapport.support.Api;
import org.rapport.support.Api.Response;
import org.rapport.support.Api.TestUser;
import org.rapport.support.IntegrationTest;
import org.rapport.support.TestDatabase;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rapport.support.ProblemAssertions.assertProblem;

/**
 * The audit trail: every change to a customer record is written with who did it and what changed
 * (personal values masked), shown only to those who may see the record, and kept tamper-evident.
 */
class AuditIntegrationTests extends IntegrationTest {

	private static final String EMAIL = "zoe.private@example.org";

	private static final String PHONE = "+33 1 42 68 53 00";

	@Test
	void everyCreateUpdateShareAndDeleteIsWrittenWithActorAndMaskedChanges() throws Exception {
		String admin = admin();
		String team = Api.unique("team");
		TestUser rep = api.newUser(admin, "SALES_REP", team);
		TestUser colleague = api.newUser(admin, "SALES_REP", team);
		String last = Api.unique("Audited");
		Response created = api.post("/api/v1/contacts", rep.token(),
				Map.of("firstName", "Zoe", "lastName", last, "email", EMAIL, "phone", PHONE, "title", "Buyer"));
		long id = created.id();
		String path = "/api/v1/contacts/" + id;
		Response updated = api.patch(path, rep.token(), created.etag(),
				Map.of("title", "Head buyer", "email", "zoe.new@example.org"));
		assertThat(updated.status()).as(updated.text()).isEqualTo(200);
		assertThat(api.put(path + "/shares/" + colleague.id(), rep.token(), null, Map.of("access", "read")).status())
			.isEqualTo(200);
		assertThat(api.delete(path + "/shares/" + colleague.id(), rep.token(), null).status()).isEqualTo(204);

		JsonNode items = history(id, rep.token());
		assertThat(items.valueStream().map(e -> e.get("action").asString()).toList()).containsExactly("unshare",
				"share", "update", "create");
		items.forEach(e -> {
			assertThat(e.get("actorId").asLong()).isEqualTo(rep.id());
			assertThat(e.get("actorName").asString()).isEqualTo(rep.username());
			assertThat(e.get("entityType").asString()).isEqualTo("contact");
			assertThat(e.get("entityId").asString()).isEqualTo(Long.toString(id));
		});
		Map<String, JsonNode> create = changes(items.get(3));
		assertThat(create.get("firstName").get("from").isNull()).isTrue();
		assertThat(create.get("firstName").get("to").asString()).isEqualTo("Zoe");
		assertThat(create.get("lastName").get("to").asString()).isEqualTo(last);
		assertThat(create.get("emails").get("to").asString()).contains("***").doesNotContain("zoe.private");
		assertThat(create.get("phones").get("to").asString()).contains("***").doesNotContain("42 68");
		Map<String, JsonNode> update = changes(items.get(2));
		assertThat(update).containsOnlyKeys("title", "emails");
		assertThat(update.get("title").get("from").asString()).isEqualTo("Buyer");
		assertThat(update.get("title").get("to").asString()).isEqualTo("Head buyer");
		// masked alike, told apart by the fingerprint of the whole address
		assertThat(update.get("emails").get("from").asString()).startsWith("z***@example.org #");
		assertThat(update.get("emails").get("to").asString()).contains("***")
			.isNotEqualTo(update.get("emails").get("from").asString());
		assertThat(changes(items.get(1)).get("share.user" + colleague.id()).get("to").asString()).isEqualTo("read");
		assertThat(changes(items.get(0)).get("share.user" + colleague.id()).get("from").asString()).isEqualTo("read");

		assertThat(api.delete(path, rep.token(), null).status()).isEqualTo(204);
		JsonNode afterDelete = history(id, admin);
		assertThat(afterDelete.get(0).get("action").asString()).isEqualTo("delete");
		assertThat(changes(afterDelete.get(0)).get("lastName").get("from").asString()).isEqualTo(last);
		assertThat(changes(afterDelete.get(0)).get("lastName").get("to").isNull()).isTrue();
		assertThat(afterDelete.toString()).doesNotContain("zoe.private").doesNotContain("zoe.new")
			.doesNotContain("42 68 53");

		// and nowhere in the stored rows either
		try (Connection c = TestDatabase.connect(); PreparedStatement s = c.prepareStatement(
				"select count(*) from audit_log where entity_id = ? and (changes like '%zoe.%@%' or changes like '%42 68%')")) {
			s.setString(1, Long.toString(id));
			try (ResultSet rs = s.executeQuery()) {
				rs.next();
				assertThat(rs.getInt(1)).isZero();
			}
		}
	}

	@Test
	void accountsAndActivitiesAreAuditedToo() {
		String admin = admin();
		Response account = api.post("/api/v1/accounts", admin, Map.of("name", Api.unique("Audited Ltd")));
		api.patch("/api/v1/accounts/" + account.id(), admin, account.etag(), Map.of("industry", "Retail"));
		Response activity = api.post("/api/v1/activities", admin,
				Map.of("type", "call", "subject", "Audited call", "accountId", account.id()));
		assertThat(activity.status()).as(activity.text()).isEqualTo(201);
		assertThat(api.get("/api/v1/audit?entityType=account&entityId=" + account.id(), admin).json().get("items")
			.valueStream()
			.map(e -> e.get("action").asString())
			.toList()).containsExactly("update", "create");
		JsonNode call = history("activity", activity.id(), admin).get(0);
		assertThat(call.get("action").asString()).isEqualTo("create");
		assertThat(changes(call).get("subject").get("to").asString()).isEqualTo("Audited call");
	}

	@Test
	void historyIsShownOnlyToThoseWhoMaySeeTheRecord() {
		String admin = admin();
		String team = Api.unique("team");
		TestUser owner = api.newUser(admin, "SALES_REP", team);
		TestUser manager = api.newUser(admin, "MANAGER", team);
		TestUser outsider = api.newUser(admin, "SALES_REP", Api.unique("team"));
		TestUser otherManager = api.newUser(admin, "MANAGER", Api.unique("team"));
		TestUser analyst = api.newUser(admin, "ANALYST", null);
		long id = api.post("/api/v1/contacts", owner.token(), Map.of("lastName", Api.unique("Private"))).id();
		String path = "/api/v1/audit?entityType=contact&entityId=" + id;

		for (TestUser allowed : List.of(owner, manager, analyst)) {
			Response r = api.get(path, allowed.token());
			assertThat(r.status()).as(allowed.username()).isEqualTo(200);
			assertThat(r.json().get("items")).hasSize(1);
		}
		assertThat(api.get(path, admin).json().get("items")).hasSize(1);
		for (TestUser refused : List.of(outsider, otherManager)) {
			Response r = assertProblemAnswer(api.get(path, refused.token()), 404);
			Response missing = api.get("/api/v1/audit?entityType=contact&entityId=" + Long.MAX_VALUE, refused.token());
			assertThat(r.json().get("type")).isEqualTo(missing.json().get("type"));
		}
		assertThat(api.get("/api/v1/audit?entityType=contact&entityId=not-a-number", outsider.token()).status())
			.isEqualTo(404);
		// the chain check is for admins
		assertProblem(api.get("/api/v1/audit/verify", owner.token()), 403);
	}

	@Test
	void concurrentWritersKeepTheChainIntact() throws Exception {
		String admin = admin();
		String family = Api.unique("Concurrent");
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
		try {
			List<java.util.concurrent.Future<Response>> writes = new java.util.ArrayList<>();
			for (int i = 0; i < 24; i++) {
				String first = "W" + i;
				writes.add(pool.submit(() -> api.post("/api/v1/contacts", admin,
						Map.of("firstName", first, "lastName", family))));
			}
			for (var write : writes) {
				assertThat(write.get(60, java.util.concurrent.TimeUnit.SECONDS).status()).isEqualTo(201);
			}
		}
		finally {
			pool.shutdownNow();
		}
		Response verified = api.get("/api/v1/audit/verify", admin);
		assertThat(verified.json().get("intact").asBoolean()).as(verified.text()).isTrue();
	}

	@Test
	void aRowEditedAroundTheTriggerBreaksTheChainAtThatRow() throws Exception {
		String admin = admin();
		long contact = api.post("/api/v1/contacts", admin, Map.of("lastName", Api.unique("Tamper"))).id();
		long entry = history(contact, admin).get(0).get("id").asLong();
		// a few entries after it, so the broken one is in the middle of the chain
		api.post("/api/v1/contacts", admin, Map.of("lastName", Api.unique("After")));
		Response before = api.get("/api/v1/audit/verify", admin);
		assertThat(before.status()).isEqualTo(200);
		assertThat(before.json().get("intact").asBoolean()).as(before.text()).isTrue();
		long checked = before.json().get("checked").asLong();
		assertThat(checked).isGreaterThan(1);

		try (Connection c = TestDatabase.connect(); Statement s = c.createStatement()) {
			String original;
			try (ResultSet rs = s.executeQuery("select summary from audit_log where id = " + entry)) {
				rs.next();
				original = rs.getString(1);
			}
			s.execute("set session_replication_role = replica");
			try {
				try (PreparedStatement u = c.prepareStatement("update audit_log set summary = ? where id = ?")) {
					u.setString(1, "Nothing to see here");
					u.setLong(2, entry);
					assertThat(u.executeUpdate()).isEqualTo(1);
				}
				Response broken = api.get("/api/v1/audit/verify", admin);
				assertThat(broken.status()).isEqualTo(200);
				assertThat(broken.json().get("intact").asBoolean()).as(broken.text()).isFalse();
				assertThat(broken.json().get("firstBrokenId").asLong()).isEqualTo(entry);
				assertThat(broken.json().get("reason").asString()).isNotBlank();
			}
			finally {
				try (PreparedStatement u = c.prepareStatement("update audit_log set summary = ? where id = ?")) {
					u.setString(1, original);
					u.setLong(2, entry);
					u.executeUpdate();
				}
				s.execute("set session_replication_role = origin");
			}
		}
		Response restored = api.get("/api/v1/audit/verify", admin);
		assertThat(restored.json().get("intact").asBoolean()).as(restored.text()).isTrue();
	}

	@Test
	void aRemovedRowBreaksTheChainAtTheRowAfterIt() throws Exception {
		String admin = admin();
		long contact = api.post("/api/v1/contacts", admin, Map.of("lastName", Api.unique("Removed"))).id();
		long entry = history(contact, admin).get(0).get("id").asLong();
		long next = api.post("/api/v1/contacts", admin, Map.of("lastName", Api.unique("Next"))).id();
		long nextEntry = history(next, admin).get(0).get("id").asLong();
		try (Connection c = TestDatabase.connect(); Statement s = c.createStatement()) {
			s.execute("create temporary table removed as select * from audit_log where id = " + entry);
			s.execute("set session_replication_role = replica");
			try {
				assertThat(s.executeUpdate("delete from audit_log where id = " + entry)).isEqualTo(1);
				Response broken = api.get("/api/v1/audit/verify", admin);
				assertThat(broken.json().get("intact").asBoolean()).as(broken.text()).isFalse();
				assertThat(broken.json().get("firstBrokenId").asLong()).as(broken.text()).isEqualTo(nextEntry);
			}
			finally {
				s.execute("insert into audit_log select * from removed");
				s.execute("set session_replication_role = origin");
			}
		}
		assertThat(api.get("/api/v1/audit/verify", admin).json().get("intact").asBoolean()).isTrue();
	}

	@Test
	void theDatabaseRefusesToUpdateDeleteOrTruncateTheLog() throws Exception {
		String admin = admin();
		long contact = api.post("/api/v1/contacts", admin, Map.of("lastName", Api.unique("Guarded"))).id();
		long entry = history(contact, admin).get(0).get("id").asLong();
		try (Connection c = TestDatabase.connect(); Statement s = c.createStatement()) {
			for (String sql : List.of("update audit_log set summary = 'changed' where id = " + entry,
					"delete from audit_log where id = " + entry, "truncate audit_log")) {
				assertThatThrownBy(() -> s.execute(sql)).as(sql)
					.isInstanceOf(SQLException.class)
					.hasMessageContaining("append-only")
					.satisfies(ex -> assertThat(((SQLException) ex).getSQLState()).isEqualTo("42501"));
			}
		}
		assertThat(history(contact, admin).get(0).get("summary").asString()).startsWith("Guarded");
		assertThat(api.get("/api/v1/audit/verify", admin).json().get("intact").asBoolean()).isTrue();
	}

	private JsonNode history(long contactId, String token) {
		return history("contact", contactId, token);
	}

	private JsonNode history(String type, long id, String token) {
		Response r = api.get("/api/v1/audit?entityType=" + type + "&entityId=" + id, token);
		assertThat(r.status()).as(r.text()).isEqualTo(200);
		return r.json().get("items");
	}

	private static Map<String, JsonNode> changes(JsonNode entry) {
		Map<String, JsonNode> byField = new java.util.LinkedHashMap<>();
		entry.get("changes").forEach(c -> byField.put(c.get("field").asString(), c));
		return byField;
	}

	private static Response assertProblemAnswer(Response r, int status) {
		assertProblem(r, status);
		return r;
	}


	@org.springframework.beans.factory.annotation.Autowired
	AuditTrail audit;

	@org.springframework.beans.factory.annotation.Autowired
	org.springframework.transaction.PlatformTransactionManager transactions;

	@org.springframework.beans.factory.annotation.Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Test
	void entriesOfARolledBackSavepointAreNotAppended() {
		String id = Api.unique("savepoint");
		var outer = new org.springframework.transaction.support.TransactionTemplate(transactions);
		var nested = new org.springframework.transaction.support.TransactionTemplate(transactions);
		nested.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_NESTED);
		outer.executeWithoutResult(s -> {
			audit.record(new AuditTrail.AuditEvent("create", "test", id, "kept before", List.of()));
			// a savepoint set before the transaction's first entry, rolled back
			nested.executeWithoutResult(n -> {
				audit.record(new AuditTrail.AuditEvent("create", "test", id, "undone", List.of()));
				nested.executeWithoutResult(inner -> audit.record(new AuditTrail.AuditEvent("create", "test", id, "undone inner", List.of())));
				n.setRollbackOnly();
			});
			nested.executeWithoutResult(n -> audit.record(new AuditTrail.AuditEvent("create", "test", id, "kept nested", List.of())));
			nested.executeWithoutResult(n -> {
				nested.executeWithoutResult(inner -> {
					audit.record(new AuditTrail.AuditEvent("create", "test", id, "undone inner only", List.of()));
					inner.setRollbackOnly();
				});
				audit.record(new AuditTrail.AuditEvent("create", "test", id, "kept after", List.of()));
			});
		});
		var fresh = new org.springframework.transaction.support.TransactionTemplate(transactions);
		fresh.executeWithoutResult(s -> {
			// the savepoint is set before the transaction's first entry
			nested.executeWithoutResult(n -> {
				audit.record(new AuditTrail.AuditEvent("create", "test", id, "undone first", List.of()));
				n.setRollbackOnly();
			});
			audit.record(new AuditTrail.AuditEvent("create", "test", id, "kept last", List.of()));
		});
		assertThat(jdbc.sql("select summary from audit_log where entity_type = 'test' and entity_id = ? order by id")
			.param(id).query(String.class).list()).containsExactly("kept before", "kept nested", "kept after", "kept last");
		assertThat(audit.verify().intact()).isTrue();
	}
}
