package org.rapport.customers;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.rapport.platform.text.AllGrams;
import org.rapport.platform.text.SearchText;
import org.rapport.support.Api;
import org.rapport.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A term of four ASCII characters or more is collected through the quadgrams among a record's grams, and the
 * migration that added them (AllGrams) gives them to the rows written before it.
 */
class QuadgramsIntegrationTests extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Test
	void aRowWrittenBeforeTheQuadgramsIsFoundOnceTheMigrationHasComputedThem() throws Exception {
		String token = admin();
		// a family name no other test writes: "qzvx" is its only quadgram, so a search for it is collected, not walked
		String family = "Qzvx" + Api.unique("").replaceAll("[^a-z0-9]", "").substring(0, 4);
		long id = api.post("/api/v1/contacts", token, Map.of("firstName", "Ada", "lastName", family)).id();
		assertThat(found(token, "qzvx")).contains(id);
		assertThat(found(token, family.toLowerCase())).contains(id);

		// the grams as they were before: without the quadgrams
		String[] grams = jdbc.sql("select search_grams from contacts where id = ?").param(id)
			.query((rs, i) -> (String[]) rs.getArray(1).getArray()).single();
		List<String> older = new ArrayList<>(List.of(grams));
		older.removeIf(g -> g.length() == 4 && g.chars().allMatch(c -> c < 0x80));
		assertThat(older).hasSizeLessThan(grams.length);
		jdbc.sql("update contacts set search_grams = cast(? as text[]) where id = ?")
			.params(older.toArray(String[]::new), id).update();
		assertThat(found(token, "qzvx")).as("collected through the quadgrams, which the row lacks").doesNotContain(id);

		try (Connection connection = dataSource.getConnection()) {
			assertThat(AllGrams.recompute(connection, "contacts")).isGreaterThanOrEqualTo(1);
			assertThat(AllGrams.recompute(connection, "contacts")).as("nothing left to change").isZero();
		}
		assertThat(found(token, "qzvx")).contains(id);
		assertThat(found(token, family.toLowerCase())).contains(id);
		String text = jdbc.sql("select search_text from contacts where id = ?").param(id).query(String.class).single();
		assertThat(jdbc.sql("select search_grams from contacts where id = ?").param(id)
			.query((rs, i) -> List.of((String[]) rs.getArray(1).getArray())).single())
			.containsAll(SearchText.quadgrams(text));
	}

	private List<Long> found(String token, String q) {
		List<Long> ids = new ArrayList<>();
		api.get("/api/v1/contacts?limit=200&q=" + q, token).json().get("items").forEach(c -> ids.add(c.get("id").asLong()));
		return ids;
	}

}
