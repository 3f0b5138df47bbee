package org.rapport.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.rapport.support.Api;
import org.rapport.support.Api.Response;
import org.rapport.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class ImportContractIntegrationTests extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	private static byte[] utf8Bom(String text) {
		byte[] body = text.getBytes(StandardCharsets.UTF_8);
		byte[] out = new byte[body.length + 3];
		out[0] = (byte) 0xEF;
		out[1] = (byte) 0xBB;
		out[2] = (byte) 0xBF;
		System.arraycopy(body, 0, out, 3, body.length);
		return out;
	}

	private List<JsonNode> contactsTagged(String token, String tag) {
		Response r = api.get("/api/v1/contacts?limit=200&tag=" + Api.q(tag), token);
		assertThat(r.status()).as(r.text()).isEqualTo(200);
		List<JsonNode> items = new ArrayList<>();
		r.json().get("items").forEach(items::add);
		items.sort(Comparator.comparing(n -> String.valueOf(n.get("title"))));
		return items;
	}

	@Test
	void columnsNamedLikeApiFieldsMapByThemselvesAndBadRowsAreReportedAsCsv() {
		String token = admin();
		String tag = Api.unique("imp");
		String csv = "firstName,lastName,email,phone,title,company,tags\n"
				+ "Ada,Lovelace,ADA." + tag + "@Example.com,(202) 555-0143,Countess,Analytical " + tag + " Ltd," + tag + "\n"
				+ "Bad,Mail,not-an-email,,Tester,," + tag + "\n"
				+ "Bad,Phone,bad." + tag + "@example.com,12,Tester,," + tag + "\n"
				+ "=cmd,Formula,formula." + tag + "@example.com,=1+1,Hacker,," + tag + "\n";
		Response started = Imports.upload(api, token, "people.csv", csv.getBytes(StandardCharsets.UTF_8),
				Imports.fields("entity", "contacts", "defaultCountry", "US"));
		assertThat(started.status()).as(started.text()).isEqualTo(202);
		assertThat(started.json().get("status").asString()).isIn("queued", "running", "done");
		JsonNode done = Imports.await(api, token, started.id(), 60_000).json();
		assertThat(done.get("status").asString()).isEqualTo("done");
		assertThat(done.get("rowsRead").asLong()).isEqualTo(4);
		assertThat(done.get("rowsWritten").asLong()).isEqualTo(1);
		assertThat(done.get("rowsRejected").asLong()).isEqualTo(3);

		List<JsonNode> contacts = contactsTagged(token, tag);
		JsonNode ada = contacts.stream().filter(c -> c.get("lastName").asString().equals("Lovelace")).findFirst().orElseThrow();
		assertThat(ada.get("email").asString()).isEqualTo("ada." + tag.toLowerCase() + "@example.com");
		assertThat(ada.get("phone").asString()).isEqualTo("+12025550143");
		assertThat(ada.get("accountName").asString()).isEqualTo("Analytical " + tag + " Ltd");

		Response errors = api.get("/api/v1/imports/" + started.id() + "/errors", token);
		assertThat(errors.status()).isEqualTo(200);
		assertThat(errors.header("Content-Type")).startsWith("text/csv");
		String[] lines = errors.text().split("\r\n");
		assertThat(lines[0]).isEqualTo("row,column,value,reason");
		assertThat(errors.text()).contains("2,email,not-an-email,Not an e-mail address");
		assertThat(errors.text()).contains("3,phone,12,Not a valid phone number");
		// the formula-looking value is reported neutralised
		assertThat(errors.text()).contains("4,phone,'=1+1,");
	}

	@Test
	void gbkAndUtf8WithBomFilesImportIdentically() {
		String token = admin();
		String tagGbk = Api.unique("gbk");
		String tagBom = Api.unique("bom");
		String template = "姓名;职位;手机;邮箱;标签\n"
				+ "张晓明;经理 1;138 1234 5678;zxm@%s.cn;%s\n"
				+ "欧阳娜娜;总监 2;+86 139-0000-1111;oyn@%s.cn;%s\n"
				+ "王伟;销售 3;021 6234 5678;ww@%s.cn;%s\n";
		byte[] gbk = String.format(template, tagGbk, tagGbk, tagGbk, tagGbk, tagGbk, tagGbk).getBytes(Charset.forName("GBK"));
		byte[] bom = utf8Bom(String.format(template, tagGbk, tagBom, tagGbk, tagBom, tagGbk, tagBom));
		Response a = Imports.upload(api, token, "gbk.csv", gbk,
				Imports.fields("entity", "contacts", "defaultCountry", "CN", "duplicates", "create"));
		assertThat(a.status()).as(a.text()).isEqualTo(202);
		JsonNode doneA = Imports.await(api, token, a.id(), 60_000).json();
		Response b = Imports.upload(api, token, "bom.csv", bom,
				Imports.fields("entity", "contacts", "defaultCountry", "CN", "duplicates", "create"));
		assertThat(b.status()).as(b.text()).isEqualTo(202);
		JsonNode doneB = Imports.await(api, token, b.id(), 60_000).json();
		assertThat(doneA.get("encoding").asString()).isEqualTo("GB18030");
		assertThat(doneB.get("encoding").asString()).isEqualTo("UTF-8+BOM");
		assertThat(doneA.get("delimiter").asString()).isEqualTo(";");
		assertThat(doneA.get("rowsWritten").asLong()).isEqualTo(3);
		assertThat(doneB.get("rowsWritten").asLong()).isEqualTo(3);

		List<JsonNode> fromGbk = contactsTagged(token, tagGbk);
		List<JsonNode> fromBom = contactsTagged(token, tagBom);
		assertThat(fromGbk).hasSize(3);
		assertThat(fromBom).hasSize(3);
		for (int i = 0; i < 3; i++) {
			for (String field : List.of("firstName", "lastName", "title", "email", "phone")) {
				assertThat(fromBom.get(i).get(field).asString()).as(field).isEqualTo(fromGbk.get(i).get(field).asString());
			}
		}
		JsonNode ouyang = fromGbk.stream().filter(c -> c.get("title").asString().equals("总监 2")).findFirst().orElseThrow();
		assertThat(ouyang.get("lastName").asString()).isEqualTo("欧阳");
		assertThat(ouyang.get("firstName").asString()).isEqualTo("娜娜");
		assertThat(ouyang.get("phone").asString()).isEqualTo("+8613900001111");
		// the second file duplicated the first: each pair is listed as a candidate once the import is done
		assertThat(doneB.get("duplicateCandidates").asLong()).isEqualTo(3);
	}

	@Test
	void malformedFilesGetAClearErrorAndWriteNothing() {
		String token = admin();
		long importsBefore = jdbc.sql("select count(*) from imports").query(Long.class).single();
		long contactsBefore = jdbc.sql("select count(*) from contacts").query(Long.class).single();

		byte[] binary = new byte[4096];
		new Random(7).nextBytes(binary);
		binary[10] = 0;
		Response r = Imports.upload(api, token, "photo.jpg", binary, Imports.fields("entity", "contacts"));
		assertThat(r.status()).as(r.text()).isEqualTo(422);
		assertThat(r.text()).contains("not text");

		r = Imports.upload(api, token, "other.csv", "colour,weight\nred,3\nblue,4\n".getBytes(StandardCharsets.UTF_8),
				Imports.fields("entity", "contacts"));
		assertThat(r.status()).as(r.text()).isEqualTo(422);
		assertThat(r.text()).contains("No column of the file maps to a field");

		StringBuilder line = new StringBuilder("firstName,lastName\n");
		while (line.length() < 10 * 1024 * 1024) {
			line.append("abcdefghijklmnopqrstuvwxyz0123456789");
		}
		r = Imports.upload(api, token, "long.csv", line.toString().getBytes(StandardCharsets.UTF_8),
				Imports.fields("entity", "contacts"));
		assertThat(r.status()).as(r.text()).isEqualTo(422);
		assertThat(r.text()).contains("longer than");

		r = Imports.upload(api, token, "x.csv", "firstName\nA\n".getBytes(StandardCharsets.UTF_8),
				Imports.fields("entity", "planets"));
		assertThat(r.status()).isEqualTo(400);
		assertThat(r.text()).contains("entity");
		r = Imports.upload(api, token, "x.csv", "firstName\nA\n".getBytes(StandardCharsets.UTF_8),
				Imports.fields("entity", "contacts", "mapping", "{not json"));
		assertThat(r.status()).isEqualTo(400);
		assertThat(r.text()).contains("mapping");
		r = Imports.upload(api, token, null, null, Imports.fields("entity", "contacts"));
		assertThat(r.status()).isEqualTo(400);
		assertThat(r.text()).contains("file");

		assertThat(jdbc.sql("select count(*) from imports").query(Long.class).single()).isEqualTo(importsBefore);
		assertThat(jdbc.sql("select count(*) from contacts").query(Long.class).single()).isEqualTo(contactsBefore);
	}

	@Test
	void duplicatesAreSkippedOrUpdatedAndADryRunWritesNothing() {
		String token = admin();
		String tag = Api.unique("dup");
		String email = "grace." + tag + "@example.com";
		Response created = api.post("/api/v1/contacts", token,
				Map.of("firstName", "Grace", "lastName", "Hopper", "email", email, "title", "Rear Admiral"));
		assertThat(created.status()).as(created.text()).isEqualTo(201);

		String csv = "First Name,Surname,E-mail,Job Title\nGrace,Hopper," + email.toUpperCase() + ",Professor\n";
		JsonNode skipped = Imports.await(api, token, Imports.upload(api, token, "a.csv", csv.getBytes(StandardCharsets.UTF_8),
				Imports.fields("entity", "contacts", "duplicates", "skip")).id(), 60_000).json();
		assertThat(skipped.get("rowsSkipped").asLong()).isEqualTo(1);
		assertThat(skipped.get("rowsWritten").asLong()).isZero();

		JsonNode dry = Imports.await(api, token, Imports.upload(api, token, "a.csv", csv.getBytes(StandardCharsets.UTF_8),
				Imports.fields("entity", "contacts", "duplicates", "update", "dryRun", "true")).id(), 60_000).json();
		assertThat(dry.get("dryRun").asBoolean()).isTrue();
		assertThat(dry.get("rowsWritten").asLong()).isZero();
		assertThat(api.get("/api/v1/contacts/" + created.id(), token).json().get("title").asString()).isEqualTo("Rear Admiral");

		JsonNode updated = Imports.await(api, token, Imports.upload(api, token, "a.csv", csv.getBytes(StandardCharsets.UTF_8),
				Imports.fields("entity", "contacts", "duplicates", "update")).id(), 60_000).json();
		assertThat(updated.get("rowsUpdated").asLong()).isEqualTo(1);
		assertThat(api.get("/api/v1/contacts/" + created.id(), token).json().get("title").asString()).isEqualTo("Professor");
	}

	@Test
	void anExplicitMappingIsRememberedForTheSameLayout() {
		String token = admin();
		String tag = Api.unique("map");
		String header = "Col A|Col B|Col C " + tag + "\n";
		String mapping = "{\"Col A\":\"lastName\",\"Col B\":\"company\",\"Col C " + tag + "\":\"tags\"}";
		JsonNode first = Imports.await(api, token, Imports.upload(api, token, "a.csv",
				(header + "Turing|Bletchley " + tag + "|" + tag + "\n").getBytes(StandardCharsets.UTF_8),
				Imports.fields("entity", "contacts", "mapping", mapping)).id(), 60_000).json();
		assertThat(first.get("delimiter").asString()).isEqualTo("|");
		assertThat(first.get("rowsWritten").asLong()).isEqualTo(1);
		JsonNode second = Imports.await(api, token, Imports.upload(api, token, "b.csv",
				(header + "Shannon|Bell " + tag + "|" + tag + "\n").getBytes(StandardCharsets.UTF_8),
				Imports.fields("entity", "contacts")).id(), 60_000).json();
		assertThat(second.get("mapping").get("Col A").asString()).isEqualTo("lastName");
		assertThat(second.get("rowsWritten").asLong()).isEqualTo(1);
		assertThat(contactsTagged(token, tag)).extracting(c -> c.get("lastName").asString())
			.containsExactlyInAnyOrder("Turing", "Shannon");
	}

	@Test
	void accountsAndLeadsImportAndXlsxIsReadLikeCsv() throws Exception {
		String token = admin();
		String tag = Api.unique("acc");
		String accounts = "Company,Website,Phone,City\n" + tag + " Widgets Ltd,https://" + tag + ".example,+44 20 7946 0001,Leeds\n"
				+ tag + " Gadgets GmbH,,+49 30 1234567,Berlin\n";
		JsonNode a = Imports.await(api, token, Imports.upload(api, token, "accounts.csv", accounts.getBytes(StandardCharsets.UTF_8),
				Imports.fields("entity", "accounts")).id(), 60_000).json();
		assertThat(a.get("status").asString()).isEqualTo("done");
		assertThat(a.get("rowsWritten").asLong()).isEqualTo(2);
		JsonNode found = api.get("/api/v1/accounts?q=" + Api.q(tag), token).json();
		assertThat(found.get("items").valueStream().map(n -> n.get("name").asString()).toList())
			.containsExactlyInAnyOrder(tag + " Widgets Ltd", tag + " Gadgets GmbH");
		// the same company with another legal form is a duplicate: skipped
		JsonNode again = Imports.await(api, token, Imports.upload(api, token, "accounts.csv",
				("name,city,phone\n" + tag + " Widgets Limited,Leeds,020 7946 0001\n").getBytes(StandardCharsets.UTF_8),
				Imports.fields("entity", "accounts", "defaultCountry", "GB")).id(), 60_000).json();
		assertThat(again.get("rowsSkipped").asLong()).isEqualTo(1);

		String leads = "First Name,Last Name,Email,Company\nLena,Lead,lena." + tag + "@example.com,Lead Co " + tag + "\n";
		JsonNode l = Imports.await(api, token, Imports.upload(api, token, "leads.csv", leads.getBytes(StandardCharsets.UTF_8),
				Imports.fields("entity", "leads")).id(), 60_000).json();
		assertThat(l.get("rowsWritten").asLong()).as(l.toString()).isEqualTo(1);
		assertThat(api.get("/api/v1/leads?q=" + Api.q("lena." + tag), token).json().get("items").size()).isEqualTo(1);

		java.io.ByteArrayOutputStream xlsx = new java.io.ByteArrayOutputStream();
		try (org.apache.poi.xssf.usermodel.XSSFWorkbook book = new org.apache.poi.xssf.usermodel.XSSFWorkbook()) {
			var sheet = book.createSheet("People");
			String[][] cells = { { "firstName", "lastName", "email", "tags" }, { "Xia", "Lin", "xl." + tag + "@example.com", tag },
					{ "Yan", "Zhou", "yz." + tag + "@example.com", tag } };
			for (int r = 0; r < cells.length; r++) {
				var row = sheet.createRow(r);
				for (int c = 0; c < cells[r].length; c++) {
					row.createCell(c).setCellValue(cells[r][c]);
				}
			}
			book.write(xlsx);
		}
		JsonNode x = Imports.await(api, token, Imports.upload(api, token, "people.xlsx", xlsx.toByteArray(),
				Imports.fields("entity", "contacts")).id(), 60_000).json();
		assertThat(x.get("format").asString()).isEqualTo("xlsx");
		assertThat(x.get("rowsWritten").asLong()).isEqualTo(2);
		assertThat(contactsTagged(token, tag)).hasSize(2);
	}

}
