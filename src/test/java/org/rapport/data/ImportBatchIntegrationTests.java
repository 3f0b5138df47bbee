package org.rapport.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
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
 * Contacts are looked up and created a batch at a time, yet rows of one batch find each other and
 * the records the batch has just updated, exactly as if the rows went one by one, and a row the
 * facade refuses leaves nothing behind.
 */
class ImportBatchIntegrationTests extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	/** Rows 2 and 4 repeat rows 1 and 3 (same e-mail; same phone); row 5 is refused; rows 6 and 7 update an existing contact. */
	private static String file(String tag) {
		// numbers of their own, so that other tests' contacts do not match
		// (seven digits of the tag's own each, in London and Washington numbers as the import checks: with three and
		// two, another test's contact now and then had one)
		String uk = "7" + String.format("%07d", Math.floorMod(tag.hashCode(), 10_000_000));
		String us = (200 + Math.floorMod(tag.hashCode() * 31 + 7, 800))
				+ String.format("%04d", Math.floorMod(tag.hashCode() * 17 + 3, 10_000));
		return "firstName,lastName,email,phone,title,company,tags\n"
				+ "Ada,Byron" + tag + ",ada." + tag + "@example.com,,First,," + tag + "\n"
				+ "Ada,Byron" + tag + ",ADA." + tag + "@example.com,,Second,," + tag + "\n"
				+ "Alan,Turing" + tag + ",,+44 20 " + uk.substring(0, 4) + " " + uk.substring(4) + ",Third,," + tag + "\n"
				+ "Alan,Turing" + tag + ",,+44 (20) " + uk.substring(0, 4) + "-" + uk.substring(4) + ",Fourth,," + tag + "\n"
				+ "X".repeat(250) + ",Long" + tag + ",long." + tag + "@example.com,,Fifth,Ghost Works " + tag + "," + tag + "\n"
				+ "Grace,Hopper" + tag + ",grace." + tag + "@example.com,+1 202 " + us.substring(0, 3) + " " + us.substring(3)
				+ ",Sixth,," + tag + "\n" + "Grace,Hopper" + tag + ",,(202) " + us.substring(0, 3) + "-" + us.substring(3)
				+ ",Seventh,," + tag + "\n";
	}

	private JsonNode run(String token, String tag, String duplicates) {
		Response started = Imports.upload(api, token, "batch.csv", file(tag).getBytes(StandardCharsets.UTF_8),
				Imports.fields("entity", "contacts", "duplicates", duplicates));
		assertThat(started.status()).as(started.text()).isEqualTo(202);
		return Imports.await(api, token, started.id(), 60_000).json();
	}

	/** Written, updated, skipped and rejected, described by the import and its error report when it fails. */
	private org.assertj.core.api.ListAssert<Long> assertCounts(String token, JsonNode done) {
		return assertThat(java.util.List.of(done.get("rowsWritten").asLong(), done.get("rowsUpdated").asLong(),
				done.get("rowsSkipped").asLong(), done.get("rowsRejected").asLong()))
			.as(done + "\n" + api.get("/api/v1/imports/" + done.get("id").asLong() + "/errors", token).text());
	}

	private long existing(String token, String tag) {
		Response grace = api.post("/api/v1/contacts", token, Map.of("firstName", "Grace", "lastName", "Hopper" + tag,
				"email", "grace." + tag + "@example.com", "title", "Existing"));
		assertThat(grace.status()).as(grace.text()).isEqualTo(201);
		return grace.id();
	}

	private long count(String tag) {
		return jdbc.sql("select count(*) from contacts where ? = any(tags) or last_name = ?").params(tag, "Hopper" + tag)
			.query(Long.class).single();
	}

	private void refusedRowLeftNothing(String token, long id, String tag) {
		String errors = api.get("/api/v1/imports/" + id + "/errors", token).text();
		assertThat(errors.lines().skip(1).toList()).singleElement().asString().startsWith("5,firstName,");
		assertThat(jdbc.sql("select count(*) from accounts where name = ?").param("Ghost Works " + tag)
			.query(Long.class).single()).isZero();
		// nor in the audit trail: what a rolled-back savepoint wrote is not audited
		assertThat(jdbc.sql("select count(*) from audit_log where entity_type = 'account' and summary = ?")
			.param("Ghost Works " + tag).query(Long.class).single()).isZero();
		// one entry per contact the import created, none for a write that was undone and done again
		assertThat(jdbc.sql("""
				select count(*) from import_rows r join audit_log l on l.entity_type = 'contact'
				  and l.entity_id = cast(r.record_id as text) and l.action = 'create'
				where r.import_id = ? and r.action = 'created'""").param(id).query(Long.class).single())
			.isEqualTo(jdbc.sql("select count(*) from import_rows where import_id = ? and action = 'created'").param(id)
				.query(Long.class).single());
	}

	@Test
	void skipFindsEarlierRowsOfTheSameBatch() {
		String token = admin();
		String tag = Api.unique("bs").replace("-", "");
		existing(token, tag);
		JsonNode done = run(token, tag, "skip");
		assertThat(done.get("status").asString()).isEqualTo("done");
		// rows 1, 3 and 7 created (the existing contact has no phone to find it by); 2, 4 and 6 skipped; 5 refused
		assertCounts(token, done).containsExactly(3L, 0L, 3L, 1L);
		assertThat(count(tag)).isEqualTo(4);
		refusedRowLeftNothing(token, done.get("id").asLong(), tag);
	}

	@Test
	void updateChangesRecordsCreatedOrUpdatedEarlierInTheSameBatch() {
		String token = admin();
		String tag = Api.unique("bu").replace("-", "");
		long grace = existing(token, tag);
		JsonNode done = run(token, tag, "update");
		assertCounts(token, done).containsExactly(6L, 4L, 0L, 1L);
		assertThat(count(tag)).isEqualTo(3);
		JsonNode ada = api.get("/api/v1/contacts?limit=5&q=" + Api.q("Byron" + tag), token).json().get("items").get(0);
		assertThat(ada.get("title").asString()).isEqualTo("Second");
		// row 6 gave the existing contact its phone, by which row 7 found it
		JsonNode updated = api.get("/api/v1/contacts/" + grace, token).json();
		assertThat(updated.get("title").asString()).isEqualTo("Seventh");
		assertThat(updated.get("version").asLong()).isEqualTo(2);
		assertThat(jdbc.sql("select count(*) from import_rows where import_id = ? and action = 'updated'")
			.param(done.get("id").asLong()).query(Long.class).single()).isEqualTo(4);
		refusedRowLeftNothing(token, done.get("id").asLong(), tag);
	}

	@Test
	void createWritesEveryRowAndProposesThePairs() {
		String token = admin();
		String tag = Api.unique("bc").replace("-", "");
		existing(token, tag);
		JsonNode done = run(token, tag, "create");
		assertCounts(token, done).containsExactly(6L, 0L, 0L, 1L);
		assertThat(count(tag)).isEqualTo(7);
		// 2 ~ 1, 4 ~ 3, 6 ~ the existing contact, 7 ~ 6
		assertThat(done.get("duplicateCandidates").asLong()).isEqualTo(4);
		refusedRowLeftNothing(token, done.get("id").asLong(), tag);
	}


	@Test
	void updatesInOneBatchRejectOnlyTheBadRowAndAuditTheChangedFields() {
		String token = admin();
		String tag = Api.unique("bb").replace("-", "");
		long[] ids = new long[3];
		for (int i = 0; i < ids.length; i++) {
			ids[i] = api.post("/api/v1/contacts", token, Map.of("firstName", "Kim" + i, "lastName", "Park" + tag, "email",
					"kim" + i + "." + tag + "@example.com", "title", "Old")).id();
		}
		String csv = "firstName,lastName,email,title\n"
				+ "Kim0,Park" + tag + ",kim0." + tag + "@example.com,New0\n"
				+ "X".repeat(250) + ",Park" + tag + ",kim1." + tag + "@example.com,New1\n"
				+ "Kim2,Park" + tag + ",KIM2." + tag + "@example.com,New2\n";
		Response started = Imports.upload(api, token, "update.csv", csv.getBytes(StandardCharsets.UTF_8),
				Imports.fields("entity", "contacts", "duplicates", "update"));
		assertThat(started.status()).as(started.text()).isEqualTo(202);
		JsonNode done = Imports.await(api, token, started.id(), 60_000).json();
		assertCounts(token, done).containsExactly(2L, 2L, 0L, 1L);
		assertThat(api.get("/api/v1/imports/" + done.get("id").asLong() + "/errors", token).text().lines().skip(1).toList())
			.singleElement().asString().startsWith("2,firstName,");
		List<String> titles = new java.util.ArrayList<>();
		for (long id : ids) {
			JsonNode c = api.get("/api/v1/contacts/" + id, token).json();
			titles.add(c.get("title").asString() + "@" + c.get("version").asLong());
		}
		assertThat(titles).containsExactly("New0@1", "Old@0", "New2@1");
		// one update entry each for the two updated, naming only what changed; none for the refused row
		assertThat(jdbc.sql("""
				select string_agg(entity_id || ':' || changes, ' ') from audit_log
				where entity_type = 'contact' and action = 'update' and entity_id = any(?)""")
			.param(java.util.Arrays.stream(ids).mapToObj(Long::toString).toArray(String[]::new)).query(String.class)
			.single()).contains(ids[0] + ":[{\"field\":\"title\",\"from\":\"Old\",\"to\":\"New0\"}]")
			.contains(ids[2] + ":[{\"field\":\"title\",\"from\":\"Old\",\"to\":\"New2\"}]")
			.doesNotContain(ids[1] + ":");
	}
}
