package org.rapport.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.rapport.support.Api;
import org.rapport.support.Api.Response;
import org.rapport.support.IntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ExportIntegrationTests extends IntegrationTest {

	private static final List<String> DANGEROUS = List.of("=HYPERLINK(\"http://evil\",\"x\")", "+1+1", "-2+3", "@SUM(A1)",
			"=cmd|' /C calc'!A0");

	private byte[] download(String path, String token) throws Exception {
		HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(api.uri(path))
			.header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(r.statusCode()).as(new String(r.body())).isEqualTo(200);
		return r.body();
	}

	/** Splits RFC 4180 CSV text into cells. */
	static List<List<String>> parseCsv(String text) {
		List<List<String>> rows = new ArrayList<>();
		List<String> row = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
					cell.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					cell.append(c);
				}
			}
			else if (c == '"') {
				quoted = true;
			}
			else if (c == ',') {
				row.add(cell.toString());
				cell.setLength(0);
			}
			else if (c == '\n') {
				row.add(cell.toString().replaceAll("\r$", ""));
				cell.setLength(0);
				rows.add(row);
				row = new ArrayList<>();
			}
			else {
				cell.append(c);
			}
		}
		return rows;
	}

	@Test
	void anExportedCsvHasNoCellASpreadsheetWouldRunAsAFormula() throws Exception {
		String token = admin();
		String tag = Api.unique("exp");
		for (String evil : DANGEROUS) {
			Response r = api.post("/api/v1/contacts", token, Map.of("firstName", evil, "lastName", "Export " + tag,
					"title", evil, "tags", List.of(tag)));
			assertThat(r.status()).as(r.text()).isEqualTo(201);
		}
		String csv = new String(download("/api/v1/contacts/export?format=csv&tag=" + Api.q(tag)
				+ "&columns=firstName,lastName,title,email", token), java.nio.charset.StandardCharsets.UTF_8);
		List<List<String>> rows = parseCsv(csv.replace("\uFEFF", ""));
		assertThat(rows.get(0)).containsExactly("firstName", "lastName", "title", "email");
		assertThat(rows).hasSize(1 + DANGEROUS.size());
		for (List<String> row : rows) {
			for (String cell : row) {
				assertThat(cell).as("cell %s", cell).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("-")
					.doesNotStartWith("@").doesNotStartWith("\t");
			}
		}
		assertThat(rows.stream().map(r -> r.get(0)).toList()).contains("'=HYPERLINK(\"http://evil\",\"x\")", "'+1+1");
	}

	@Test
	void anExportedWorkbookHoldsOnlyTextCellsMarkedAsText() throws Exception {
		String token = admin();
		String tag = Api.unique("xls");
		for (String evil : DANGEROUS) {
			api.post("/api/v1/contacts", token, Map.of("firstName", evil, "lastName", "张" + tag, "tags", List.of(tag)));
		}
		byte[] xlsx = download("/api/v1/contacts/export?format=xlsx&tag=" + Api.q(tag) + "&columns=firstName,lastName", token);
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			var sheet = book.getSheetAt(0);
			assertThat(sheet.getLastRowNum()).isEqualTo(DANGEROUS.size());
			for (Row row : sheet) {
				for (Cell cell : row) {
					assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
					String text = cell.getStringCellValue();
					if ("=+-@\t".indexOf(text.charAt(0)) >= 0) {
						assertThat(cell.getCellStyle().getQuotePrefixed()).as(text).isTrue();
					}
				}
			}
		}
	}

	@Test
	void accountsExportAsJsonWithTheirContactsAndBadRequestsNameTheField() throws Exception {
		String token = admin();
		String name = Api.unique("Json Export Ltd");
		long account = api.post("/api/v1/accounts", token, Map.of("name", name)).id();
		api.post("/api/v1/contacts", token, Map.of("lastName", "Member", "accountId", account));
		JsonNode all = JsonMapper.builder().build().readTree(download("/api/v1/accounts/export?format=json&q=" + Api.q(name), token));
		assertThat(all.isArray()).isTrue();
		JsonNode item = all.valueStream().filter(n -> n.get("account").get("id").asLong() == account).findFirst().orElseThrow();
		assertThat(item.get("contacts").get(0).get("lastName").asString()).isEqualTo("Member");
		assertThat(api.get("/api/v1/contacts/export?format=pdf", token).status()).isEqualTo(400);
		Response badColumn = api.get("/api/v1/contacts/export?format=csv&columns=firstName,password", token);
		assertThat(badColumn.status()).isEqualTo(400);
		assertThat(badColumn.text()).contains("columns");
	}

}
