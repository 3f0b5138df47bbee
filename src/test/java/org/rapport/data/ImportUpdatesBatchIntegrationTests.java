package org.rapport.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.rapport.support.Api;
import org.rapport.support.Api.Response;
import org.rapport.support.IntegrationTest;
import org.rapport.support.SqlLog;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rows that update existing accounts or leads ({@code duplicates=update}) wait and are written together,
 * by one JDBC batch of the facade's update, and leave exactly the records, versions, contacts' company
 * names and audit entries that rows written one by one leave. The one-by-one result to compare with comes
 * from the same file for a twin set of records plus a row the facade refuses: a batch with a refused row
 * is written again one row at a time.
 */
class ImportUpdatesBatchIntegrationTests extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	/**
	 * Makes two sets of the same records, imports the file of the batched set, whose three updates go by
	 * one JDBC batch of {@code statement} and none on its own, and the file of the twin set, whose fourth
	 * row the facade refuses for {@code refusedColumn}, so that the three go one by one; then compares the
	 * two sets.
	 *
	 * @param existing makes a set's records
	 * @param file the file of a set, with or without the refused row
	 * @param state what the import left of a set
	 * @return what it left of the batched set
	 */
	private List<String> importBoth(String entity, String statement, BiConsumer<String, String> existing,
			BiFunction<String, Boolean, String> file, Function<String, List<String>> state, String refusedColumn) {
		String token = admin();
		String batched = Api.unique("iub").replace("-", "");
		String oneByOne = Api.unique("iuo").replace("-", "");
		existing.accept(token, batched);
		existing.accept(token, oneByOne);
		try (SqlLog sql = SqlLog.recording()) {
			JsonNode done = Imports.run(api, token, entity, file.apply(batched, false), "update");
			Imports.assertCounts(api, token, done).containsExactly(4L, 3L, 0L, 0L);
			assertThat(sql.batches(statement)).isEqualTo(1);
			assertThat(sql.singles(statement)).isZero();
		}
		try (SqlLog sql = SqlLog.recording()) {
			JsonNode done = Imports.run(api, token, entity, file.apply(oneByOne, true), "update");
			Imports.assertCounts(api, token, done).containsExactly(4L, 3L, 0L, 1L);
			assertThat(api.get("/api/v1/imports/" + done.get("id").asLong() + "/errors", token).text().lines().skip(1))
				.singleElement().asString().startsWith("4," + refusedColumn + ",");
			assertThat(sql.singles(statement)).isEqualTo(3);
		}
		List<String> left = state.apply(batched);
		assertThat(left).isEqualTo(state.apply(oneByOne));
		return left;
	}

	/**
	 * A set's rows with the tag written T and the audit's masked e-mails and phones without what tells the
	 * sets apart (their digits, their hash).
	 */
	private static List<String> normalised(List<String> rows, String tag) {
		return rows.stream()
			.map(s -> s.replace(tag, "T").replaceAll("\\*\\*\\*\\d+", "***").replaceAll(" #[0-9a-f]{6}", " #"))
			.toList();
	}

	private long id(Response created) {
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		return created.id();
	}

	private long adminId() {
		return jdbc.sql("select id from users where username = 'admin'").query(Long.class).single();
	}

	/** Alpha (with a contact), Beta, Gamma and Omega, each of industry Old. */
	private void existingAccounts(String token, String tag) {
		long alpha = id(api.post("/api/v1/accounts", token, Map.of("name", "Alpha" + tag + " Ltd", "website",
				"alpha-" + tag + ".example.com", "industry", "Old", "city", "Paris")));
		id(api.post("/api/v1/contacts", token, Map.of("firstName", "Cy", "lastName", "Co" + tag, "accountId", alpha)));
		for (String name : List.of("Beta", "Gamma", "Omega")) {
			id(api.post("/api/v1/accounts", token, Map.of("name", name + tag, "website",
					name.toLowerCase(java.util.Locale.ROOT) + "-" + tag + ".example.com", "industry", "Old")));
		}
	}

	/**
	 * Rows 1, 2 and 3 update Alpha (renaming it: no legal form), Beta and Gamma; with {@code refused}, row 4
	 * updates Omega with an industry the facade refuses (longer than 100); the last row creates Delta.
	 */
	private static String accounts(String tag, boolean refused) {
		return "name,website,city,size,tags,industry\n"
				+ "Alpha" + tag + ",alpha-" + tag + ".example.com,London,,one,\n"
				+ "Beta" + tag + ",https://www.beta-" + tag + ".example.com,,11-50,two,\n"
				+ "Gamma" + tag + ",gamma-" + tag + ".example.com,Oslo,,three,Retail\n"
				+ (refused ? "Omega" + tag + ",omega-" + tag + ".example.com,,,four," + "I".repeat(101) + "\n" : "")
				+ "Delta" + tag + ",delta-" + tag + ".example.com,Rome,,five,\n";
	}

	/** The set's accounts by name: fields, version, their contacts' company, audit entries. */
	private List<String> accountsState(String tag) {
		return normalised(jdbc.sql("""
				select concat_ws(' | ', a.name, a.industry, a.size, a.website, a.city, nullif(array_to_string(a.tags, '+'), ''),
				  a.version, (select string_agg(c.company_name, ',') from contacts c where c.account_id = a.id),
				  (select string_agg(l.action || ' ' || l.changes, ' ' order by l.id) from audit_log l
				   where l.entity_type = 'account' and l.entity_id = cast(a.id as text)))
				from accounts a where a.name like ? order by a.name""")
			.param("%" + tag + "%")
			.query(String.class)
			.list(), tag);
	}

	@Test
	void accountsUpdateInOneBatchAsRowByRow() {
		List<String> state = importBoth("accounts", "update accounts set name = ?", this::existingAccounts,
				ImportUpdatesBatchIntegrationTests::accounts, this::accountsState, "industry");
		assertThat(state).hasSize(5);
		assertThat(state.get(0)).startsWith("AlphaT | Old | alpha-T.example.com | London | one | 1 | AlphaT | create ")
			.contains(" update [{\"field\":\"name\",\"from\":\"AlphaT Ltd\",\"to\":\"AlphaT\"},"
					+ "{\"field\":\"city\",\"from\":\"Paris\",\"to\":\"London\"},{\"field\":\"tags\",");
		assertThat(state.get(1)).startsWith("BetaT | Old | 11-50 | https://www.beta-T.example.com | two | 1 | create ");
		assertThat(state.get(2)).startsWith("DeltaT | delta-T.example.com | Rome | five | 0 | create ");
		assertThat(state.get(3)).startsWith("GammaT | Retail | gamma-T.example.com | Oslo | three | 1 | create ");
		assertThat(state.get(4)).startsWith("OmegaT | Old | omega-T.example.com | 0 | create ").doesNotContain("update");
	}

	/** Ada, Grace and Alan (by phone) and Omega, each titled Old and owned by the admin. */
	private void existingLeads(String token, String tag) {
		long owner = adminId();
		id(api.post("/api/v1/leads", token, Map.of("firstName", "Ada", "lastName", "Lovelace" + tag, "email",
				"ada." + tag + "@example.com", "title", "Old", "ownerId", owner)));
		id(api.post("/api/v1/leads", token, Map.of("firstName", "Grace", "lastName", "Hopper" + tag, "email",
				"grace." + tag + "@example.com", "title", "Old", "ownerId", owner)));
		id(api.post("/api/v1/leads", token, Map.of("firstName", "Alan", "lastName", "Turing" + tag, "phone",
				"+44 20 7946 0" + digits(tag), "title", "Old", "ownerId", owner)));
		id(api.post("/api/v1/leads", token, Map.of("firstName", "Omega", "lastName", "Last" + tag, "email",
				"omega." + tag + "@example.com", "title", "Old", "ownerId", owner)));
	}

	/** A phone number of the set's own, so that other tests' leads do not match. */
	private static String digits(String tag) {
		return String.format("%03d", Math.abs(tag.hashCode()) % 1000);
	}

	/**
	 * Rows 1, 2 and 3 update Ada (a company too), Grace (e-mail in another case) and Alan (phone formatted
	 * otherwise); with {@code refused}, row 4 updates Omega with a title the facade refuses (longer than
	 * 200); the last row creates a new lead.
	 */
	private static String leads(String tag, boolean refused) {
		return "firstName,lastName,email,phone,title,company\n"
				+ "Ada,Lovelace" + tag + ",ada." + tag + "@example.com,,One,Acme" + tag + "\n"
				+ "Grace,Hopper" + tag + ",GRACE." + tag + "@example.com,,Two,\n"
				+ "Alan,Turing" + tag + ",,+44 (20) 7946-0" + digits(tag) + ",Three,\n"
				+ (refused ? "Omega,Last" + tag + ",omega." + tag + "@example.com,," + "T".repeat(201) + ",\n" : "")
				+ "Nora,New" + tag + ",nora." + tag + "@example.com,,Five,\n";
	}

	/**
	 * The set's leads by last name: fields, version, audit entries without the owner (a new lead's comes
	 * from the assignment rules, which may take turns).
	 */
	private List<String> leadsState(String tag) {
		return normalised(jdbc.sql("""
				select concat_ws(' | ', l.last_name, l.email, l.company, l.title, l.status, l.version,
				  (select string_agg(a.action || ' ' || (select cast(coalesce(jsonb_agg(x), '[]') as text)
				     from jsonb_array_elements(cast(a.changes as jsonb)) x where x->>'field' <> 'ownerId'), ' ' order by a.id)
				   from audit_log a where a.entity_type = 'lead' and a.entity_id = cast(l.id as text)))
				from leads l where l.last_name like ? order by l.last_name""")
			.param("%" + tag)
			.query(String.class)
			.list(), tag);
	}

	@Test
	void leadsUpdateInOneBatchAsRowByRow() {
		List<String> state = importBoth("leads", "update leads set first_name = ?", this::existingLeads,
				ImportUpdatesBatchIntegrationTests::leads, this::leadsState, "title");
		assertThat(state).hasSize(5);
		assertThat(state.get(0)).startsWith("HopperT | grace.T@example.com | Two | new | 1 | create ");
		assertThat(state.get(1)).startsWith("LastT | omega.T@example.com | Old | new | 0 | create ").doesNotContain("update");
		assertThat(state.get(2)).startsWith("LovelaceT | ada.T@example.com | AcmeT | One | new | 1 | create ")
			.contains(" update [{\"to\": \"AcmeT\"", "\"field\": \"company\"}, {\"to\": \"One\"");
		assertThat(state.get(3)).startsWith("NewT | nora.T@example.com | Five | new | 0 | create ");
		assertThat(state.get(4)).startsWith("TuringT | Three | new | 1 | create ");
	}

}
