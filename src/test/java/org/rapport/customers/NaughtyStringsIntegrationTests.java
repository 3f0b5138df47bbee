package org.rapport.customers;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rapport.support.Api;
import org.rapport.support.Api.Response;
import org.rapport.support.Browser;
import org.rapport.support.IntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rapport.support.ProblemAssertions.assertProblem;
import static org.rapport.support.ProblemAssertions.errorFields;

/**
 * Names are stored exactly as given or refused naming the field, and shown escaped: for every string
 * of the Big List of Naughty Strings, through the API and on the contact's page.
 */
class NaughtyStringsIntegrationTests extends IntegrationTest {

	/** A string and the contact it became, if it was accepted. */
	private record Stored(String naughty, long contactId) {
	}

	@Test
	void everyNaughtyNameIsKeptExactlyOrRefusedNamingTheFieldAndShownEscaped() {
		List<String> strings = blns();
		assertThat(strings).hasSizeGreaterThan(500);
		String token = admin();
		String family = Api.unique("Naughty");
		List<Stored> stored = new ArrayList<>();
		List<String> failures = new ArrayList<>();
		int accepted = 0;
		int refused = 0;
		for (int i = 0; i < strings.size(); i++) {
			String naughty = strings.get(i);
			Map<String, Object> asFirst = new LinkedHashMap<>();
			asFirst.put("firstName", naughty);
			asFirst.put("lastName", family);
			Map<String, Object> asLast = Map.of("lastName", naughty);
			for (Map<String, Object> body : List.of(asFirst, asLast)) {
				String field = body.containsKey("firstName") ? "firstName" : "lastName";
				Response r = api.post("/api/v1/contacts", token, body);
				String what = "#" + i + " as " + field + " " + escape(naughty) + " → " + r;
				if (r.status() == 201) {
					accepted++;
					Response read = api.get("/api/v1/contacts/" + r.id(), token);
					String back = read.status() == 200 ? read.json().get(field).asString() : null;
					if (back == null || !java.util.Arrays.equals(back.getBytes(StandardCharsets.UTF_8),
							naughty.getBytes(StandardCharsets.UTF_8))) {
						failures.add(what + " but read back " + (back == null ? read : escape(back)));
					}
					else if (field.equals("firstName")) {
						stored.add(new Stored(naughty, r.id()));
					}
				}
				else if (r.status() == 400) {
					refused++;
					List<String> named = r.json().has("errors") ? errorFields(r) : List.of();
					if (!named.contains(field)) {
						failures.add(what + " does not name " + field);
					}
				}
				else {
					failures.add(what);
				}
			}
			Response search = api.get("/api/v1/contacts?q=" + Api.q(naughty), token);
			if (search.status() != 200 && search.status() != 400) {
				failures.add("#" + i + " as q " + escape(naughty) + " → " + search);
			}
		}
		assertThat(failures).as("answers other than an exact 201 or a 400 naming the field").isEmpty();
		// most are plain text a name may hold; control characters, blanks and over-long ones are refused
		assertThat(accepted).isGreaterThan(strings.size());
		assertThat(refused).isPositive();

		Browser browser = new Browser(api.base());
		Response signedIn = browser.login("admin", ADMIN_PASSWORD);
		assertThat(signedIn.header("Location")).doesNotContain("/login");
		List<String> unescaped = new ArrayList<>();
		int pages = 0;
		for (Stored s : stored) {
			if (!s.naughty().contains("<") && !s.naughty().contains("&") && !s.naughty().contains("\"")) {
				continue;
			}
			pages++;
			Response page = browser.get("/contacts/" + s.contactId());
			if (page.status() != 200) {
				unescaped.add(s.contactId() + " " + escape(s.naughty()) + " → page " + page.status());
			}
			else if (s.naughty().matches("(?s).*<[A-Za-z/!?].*") && page.text().contains(s.naughty())) {
				unescaped.add(s.contactId() + " " + escape(s.naughty()) + " appears unescaped");
			}
		}
		assertThat(pages).isGreaterThan(100);
		assertThat(unescaped).isEmpty();

		long script = stored.stream()
			.filter(s -> s.naughty().equals("<script>alert(123)</script>"))
			.findFirst()
			.orElseThrow()
			.contactId();
		String html = browser.get("/contacts/" + script).text();
		assertThat(html).doesNotContain("<script>alert(123)</script>").contains("&lt;script&gt;alert(123)&lt;/script&gt;");
		Response list = browser.get("/contacts?q=" + Api.q(family));
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.text()).doesNotContain("<script>alert(123)</script>");
	}

	@Test
	void controlCharactersAndOverlongNamesAreRefusedNamingTheField() {
		String token = admin();
		for (String bad : List.of("Nul\u0000Name", "Bell\u0007", "Line\nBreak", "x".repeat(201))) {
			Response r = api.post("/api/v1/contacts", token, Map.of("firstName", bad, "lastName", "Fine"));
			assertProblem(r, 400);
			assertThat(errorFields(r)).containsExactly("firstName");
		}
		Response blank = api.post("/api/v1/contacts", token, Map.of("lastName", " \t "));
		assertThat(errorFields(blank)).containsExactly("lastName");
		// 200 characters outside the BMP are 200 characters, not 400 UTF-16 units
		String emoji = "😀".repeat(200);
		Response ok = api.post("/api/v1/contacts", token, Map.of("lastName", emoji));
		assertThat(ok.status()).as(ok.text()).isEqualTo(201);
		assertThat(api.get("/api/v1/contacts/" + ok.id(), token).json().get("lastName").asString()).isEqualTo(emoji);
	}

	static List<String> blns() {
		String datasets = System.getProperty("rapport.datasets", "../shared/datasets");
		JsonNode array = JsonMapper.builder().build().readTree(Path.of(datasets, "blns", "blns.json").toFile());
		List<String> strings = new ArrayList<>();
		array.forEach(n -> strings.add(n.stringValue()));
		return strings;
	}

	/** A string as Java would write it, so failures show invisible characters. */
	private static String escape(String s) {
		StringBuilder out = new StringBuilder("\"");
		s.codePoints().limit(80).forEach(cp -> {
			if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || Character.getType(cp) == Character.FORMAT) {
				out.append(String.format("\\u%04x", cp));
			}
			else {
				out.appendCodePoint(cp);
			}
		});
		return out.append(s.codePointCount(0, s.length()) > 80 ? "…\"" : "\"").toString();
	}

}
