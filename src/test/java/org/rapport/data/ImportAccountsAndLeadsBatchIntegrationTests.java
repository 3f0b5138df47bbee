package org.rapport.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rapport.support.Api;
import org.rapport.support.Api.Response;
import org.rapport.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Accounts and leads are looked up and created a batch at a time, yet rows of one batch find each other
 * and the records the batch has just updated exactly as if the rows went one by one, a row the facade
 * refuses leaves nothing behind, and every record written has exactly one audit entry for its creation.
 */
class ImportAccountsAndLeadsBatchIntegrationTests extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	/**
	 * Row 2 repeats row 1 (same name less its legal form, same website), row 4 row 3; row 5 is refused by
	 * the facade (a name too long), after which row 7, written with it, is written again;
	 * row 6 is an account that exists already, row 7 a new one whose name shares row 1's first word.
	 */
	private static String accounts(String tag) {
		return "name,website,city,size,tags\n"
				+ tag + " Widgets Ltd,widgets-" + tag + ".example.com,London,,first\n"
				+ tag + " Widgets,https://www.widgets-" + tag + ".example.com/about,,11-50,second\n"
				+ "Boreal" + tag + " Inc,boreal-" + tag + ".example.com,Oslo,,third\n"
				+ "Boreal" + tag + ",boreal-" + tag + ".example.com,,,fourth\n"
				+ "Q".repeat(201) + ",,,,fifth\n"
				+ "Cobalt" + tag + ",cobalt-" + tag + ".example.com,,,sixth\n"
				+ tag + " Gadgets,gadgets-" + tag + ".example.com,Leeds,,seventh\n";
	}

	/** Row 2 repeats row 1 (e-mail in another case), row 4 row 3 (phone formatted otherwise); row 5 is refused; row 6 is an existing lead. */
	private static String leads(String tag) {
		// seven digits of the tag's own, in a London number (020 7xxx xxxx) as the import checks: with three, other
		// tests' leads (+44 20 7946 0200, …) had the number now and then, and the import rightly updated one of them
		// (server run of clean-clone CI at 94a5cad)
		String uk = "7" + String.format("%07d", Math.floorMod(tag.hashCode(), 10_000_000));
		return "firstName,lastName,email,phone,title,company\n"
				+ "Ada,Lovelace" + tag + ",ada." + tag + "@example.com,,First,\n"
				+ "Ada,Lovelace" + tag + ",ADA." + tag + "@example.com,,Second,\n"
				+ "Alan,Turing" + tag + ",,+44 20 " + uk.substring(0, 4) + " " + uk.substring(4) + ",Third,\n"
				+ "Alan,Turing" + tag + ",,+44 (20) " + uk.substring(0, 4) + "-" + uk.substring(4) + ",Fourth,\n"
				+ "X".repeat(250) + ",Long" + tag + ",long." + tag + "@example.com,,Fifth,\n"
				+ "Grace,Hopper" + tag + ",grace." + tag + "@example.com,,Sixth,\n";
	}

	private JsonNode run(String token, String entity, String csv, String duplicates) {
		return Imports.run(api, token, entity, csv, duplicates);
	}

	private org.assertj.core.api.ListAssert<Long> assertCounts(String token, JsonNode done) {
		return Imports.assertCounts(api, token, done);
	}

	private long existingAccount(String token, String tag) {
		Response cobalt = api.post("/api/v1/accounts", token, Map.of("name", "Cobalt" + tag, "website",
				"https://cobalt-" + tag + ".example.com", "industry", "Existing"));
		assertThat(cobalt.status()).as(cobalt.text()).isEqualTo(201);
		return cobalt.id();
	}

	private long existingLead(String token, String tag) {
		Response grace = api.post("/api/v1/leads", token, Map.of("firstName", "Grace", "lastName", "Hopper" + tag,
				"email", "grace." + tag + "@example.com", "title", "Existing"));
		assertThat(grace.status()).as(grace.text()).isEqualTo(201);
		return grace.id();
	}

	private List<String> accountTags(String tag) {
		return jdbc.sql("""
				select array_to_string(tags, '+') from accounts
				where name like ? or name like ? or name like ? order by id""")
			.params(tag + " %", "Boreal" + tag + "%", "Cobalt" + tag + "%")
			.query(String.class).list();
	}

	/** One audit entry for each record the import created, none for the refused row, and the chain intact. */
	private void auditedOnce(String token, long importId, String entityType, String refusedSummaryPrefix, String tag) {
		// no entry for a record that does not exist (written, then undone with its savepoint, then written again)
		String table = entityType.equals("account") ? "accounts" : "leads";
		String name = entityType.equals("account") ? "name" : "display_name";
		assertThat(jdbc.sql("select count(*) from audit_log where entity_type = ? and action = 'create' and summary like ?")
			.params(entityType, "%" + tag + "%").query(Long.class).single())
			.isEqualTo(jdbc.sql("select count(*) from " + table + " where " + name + " like ?").param("%" + tag + "%")
				.query(Long.class).single());
		assertThat(jdbc.sql("""
				select count(*) from import_rows r join audit_log l on l.entity_type = ?
				  and l.entity_id = cast(r.record_id as text) and l.action = 'create'
				where r.import_id = ? and r.action = 'created'""").params(entityType, importId).query(Long.class).single())
			.isEqualTo(jdbc.sql("select count(*) from import_rows where import_id = ? and action = 'created'")
				.param(importId).query(Long.class).single());
		assertThat(jdbc.sql("select count(*) from audit_log where entity_type = ? and summary like ?")
			.params(entityType, refusedSummaryPrefix + "%").query(Long.class).single()).isZero();
		String errors = api.get("/api/v1/imports/" + importId + "/errors", token).text();
		assertThat(errors.lines().skip(1).toList()).singleElement().asString().startsWith("5,");
	}

	@Test
	void accountsSkipFindsEarlierRowsOfTheSameBatch() {
		String token = admin();
		String tag = Api.unique("ias").replace("-", "");
		existingAccount(token, tag);
		JsonNode done = run(token, "accounts", accounts(tag), "skip");
		// rows 1, 3 and 7 created; 2, 4 and 6 skipped; 5 refused
		assertCounts(token, done).containsExactly(3L, 0L, 3L, 1L);
		assertThat(accountTags(tag)).containsExactly("", "first", "third", "seventh");
		auditedOnce(token, done.get("id").asLong(), "account", "Q".repeat(201), tag);
	}

	@Test
	void accountsUpdateChangesRecordsCreatedOrUpdatedEarlierInTheSameBatch() {
		String token = admin();
		String tag = Api.unique("iau").replace("-", "");
		long cobalt = existingAccount(token, tag);
		JsonNode done = run(token, "accounts", accounts(tag), "update");
		assertCounts(token, done).containsExactly(6L, 3L, 0L, 1L);
		assertThat(accountTags(tag)).containsExactly("sixth", "first+second", "third+fourth", "seventh");
		JsonNode widgets = api.get("/api/v1/accounts?limit=5&q=" + Api.q(tag + " Widgets"), token).json().get("items")
			.get(0);
		assertThat(widgets.get("size").asString()).isEqualTo("11-50");
		assertThat(widgets.get("city").asString()).isEqualTo("London");
		assertThat(widgets.get("version").asLong()).isEqualTo(1);
		JsonNode existing = api.get("/api/v1/accounts/" + cobalt, token).json();
		assertThat(existing.get("industry").asString()).isEqualTo("Existing");
		assertThat(existing.get("version").asLong()).isEqualTo(1);
		auditedOnce(token, done.get("id").asLong(), "account", "Q".repeat(201), tag);
	}

	@Test
	void accountsCreateWritesEveryRowAndProposesThePairs() {
		String token = admin();
		String tag = Api.unique("iac").replace("-", "");
		existingAccount(token, tag);
		JsonNode done = run(token, "accounts", accounts(tag), "create");
		assertCounts(token, done).containsExactly(6L, 0L, 0L, 1L);
		assertThat(accountTags(tag)).hasSize(7);
		// 2 ~ 1, 4 ~ 3, 6 ~ the existing account
		assertThat(done.get("duplicateCandidates").asLong()).isEqualTo(3);
		auditedOnce(token, done.get("id").asLong(), "account", "Q".repeat(201), tag);
	}

	private List<String> leadTitles(String tag) {
		return jdbc.sql("select title from leads where last_name in (?, ?, ?, ?) order by id")
			.params("Lovelace" + tag, "Turing" + tag, "Long" + tag, "Hopper" + tag).query(String.class).list();
	}

	@Test
	void leadsSkipFindsEarlierRowsOfTheSameBatch() {
		String token = admin();
		String tag = Api.unique("ils").replace("-", "");
		existingLead(token, tag);
		JsonNode done = run(token, "leads", leads(tag), "skip");
		assertCounts(token, done).containsExactly(2L, 0L, 3L, 1L);
		assertThat(leadTitles(tag)).containsExactly("Existing", "First", "Third");
		auditedOnce(token, done.get("id").asLong(), "lead", "X".repeat(20), tag);
	}

	@Test
	void leadsUpdateChangesRecordsCreatedOrUpdatedEarlierInTheSameBatch() {
		String token = admin();
		String tag = Api.unique("ilu").replace("-", "");
		long grace = existingLead(token, tag);
		JsonNode done = run(token, "leads", leads(tag), "update");
		assertCounts(token, done).containsExactly(5L, 3L, 0L, 1L);
		assertThat(leadTitles(tag)).containsExactly("Sixth", "Second", "Fourth");
		assertThat(api.get("/api/v1/leads/" + grace, token).json().get("version").asLong()).isEqualTo(1);
		auditedOnce(token, done.get("id").asLong(), "lead", "X".repeat(20), tag);
	}

	@Test
	void leadsCreateWritesEveryRow() {
		String token = admin();
		String tag = Api.unique("ilc").replace("-", "");
		existingLead(token, tag);
		JsonNode done = run(token, "leads", leads(tag), "create");
		assertCounts(token, done).containsExactly(5L, 0L, 0L, 1L);
		assertThat(leadTitles(tag)).containsExactly("Existing", "First", "Second", "Third", "Fourth", "Sixth");
		auditedOnce(token, done.get("id").asLong(), "lead", "X".repeat(20), tag);
	}

}
