package org.rapport.data.internal.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rapport.data.Imports;
import org.rapport.support.Api;
import org.rapport.support.Api.Response;
import org.rapport.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An import that dies in the middle of a batch (after the batch's rows were written, before its
 * commit) resumes from its checkpoint: every row is written exactly once.
 */
class ImportCrashResumeIntegrationTests extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void noMoreCrashes() {
		ImportRunner.crashBeforeCommit = null;
	}

	@Test
	void aCrashMidImportThenResumeGivesExactlyTheExpectedRows() {
		String token = admin();
		String tag = Api.unique("crash");
		int rows = 1000;
		StringBuilder csv = new StringBuilder("firstName,lastName,email,tags\n");
		for (int i = 1; i <= rows; i++) {
			csv.append("Person").append(i).append(",Crash").append(i).append(",p").append(i).append('.').append(tag)
				.append("@example.com,").append(tag).append('\n');
		}
		AtomicInteger crashes = new AtomicInteger();
		long[] committedAtCrash = { -1 };
		long[] seenByTheBatch = { -1 };
		ImportRunner.crashBeforeCommit = row -> {
			if (row == 450 && crashes.getAndIncrement() == 0) {
				// the dying batch has written its rows; another connection sees the committed batches only
				seenByTheBatch[0] = count(tag);
				committedAtCrash[0] = java.util.concurrent.CompletableFuture.supplyAsync(() -> count(tag)).join();
				return true;
			}
			return false;
		};
		// duplicates=create: a row processed twice would show up as a second record
		Response started = Imports.upload(api, token, "big.csv", csv.toString().getBytes(StandardCharsets.UTF_8),
				Imports.fields("entity", "contacts", "duplicates", "create"));
		assertThat(started.status()).as(started.text()).isEqualTo(202);
		JsonNode done = Imports.await(api, token, started.id(), 180_000).json();

		assertThat(crashes.get()).isGreaterThanOrEqualTo(1);
		assertThat(seenByTheBatch[0]).isEqualTo(600);
		assertThat(committedAtCrash[0]).isEqualTo(400);
		assertThat(done.get("status").asString()).isEqualTo("done");
		assertThat(done.get("rowsRead").asLong()).isEqualTo(rows);
		assertThat(done.get("rowsWritten").asLong()).isEqualTo(rows);
		assertThat(done.get("rowsRejected").asLong()).isZero();
		assertThat(count(tag)).isEqualTo(rows);
		assertThat(jdbc.sql("select count(distinct emails[1]) from contacts where ? = any(tags)").param(tag)
			.query(Long.class).single()).isEqualTo(rows);
		assertThat(jdbc.sql("select count(*) from import_rows where import_id = ?").param(started.id())
			.query(Long.class).single()).isEqualTo(rows);
		assertThat(jdbc.sql("select resumes from imports where id = ?").param(started.id()).query(Integer.class).single())
			.isEqualTo(1);
	}

	private long count(String tag) {
		return jdbc.sql("select count(*) from contacts where ? = any(tags)").param(tag).query(Long.class).single();
	}

}
