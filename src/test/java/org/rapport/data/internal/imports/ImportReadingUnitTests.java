package org.rapport.data.internal.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ImportReadingUnitTests {

	private static ImportFiles.Inspection inspect(byte[] bytes) {
		return ImportFiles.inspect(() -> new ByteArrayInputStream(bytes));
	}

	private static List<List<String>> rows(byte[] bytes) {
		ImportFiles.Inspection inspection = inspect(bytes);
		List<List<String>> rows = new ArrayList<>();
		ImportFiles.read(() -> new ByteArrayInputStream(bytes), inspection, 0, (n, values) -> rows.add(values));
		return rows;
	}

	@Test
	void detectsEncodingsAndDelimiters() {
		String text = "姓名\t公司\n张伟\t\"云帆, 科技\"\n";
		ImportFiles.Inspection gbk = inspect(text.getBytes(Charset.forName("GBK")));
		assertThat(gbk.encoding()).isEqualTo("GB18030");
		assertThat(gbk.delimiter()).isEqualTo('\t');
		assertThat(gbk.headers()).containsExactly("姓名", "公司");
		byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
		byte[] bom = new byte[utf8.length + 3];
		bom[0] = (byte) 0xEF;
		bom[1] = (byte) 0xBB;
		bom[2] = (byte) 0xBF;
		System.arraycopy(utf8, 0, bom, 3, utf8.length);
		assertThat(inspect(bom).bom()).isTrue();
		assertThat(rows(bom)).isEqualTo(rows(text.getBytes(Charset.forName("GBK"))));
		assertThat(rows(utf8)).containsExactly(List.of("张伟", "云帆, 科技"));
		assertThat(inspect("a;b;c\n1;2;3\n".getBytes(StandardCharsets.UTF_8)).delimiter()).isEqualTo(';');
		assertThat(inspect("a|b\n1|2\n".getBytes(StandardCharsets.UTF_8)).delimiter()).isEqualTo('|');
	}

	@Test
	void readsQuotedLineBreaksAndCountsRows() {
		byte[] csv = "a,b\r\n\"x\r\ny\",\"say \"\"hi\"\"\"\r\n\r\n3,4".getBytes(StandardCharsets.UTF_8);
		assertThat(inspect(csv).rows()).isEqualTo(2);
		assertThat(rows(csv)).containsExactly(List.of("x\r\ny", "say \"hi\""), List.of("3", "4"));
	}

	@Test
	void refusesBinaryUnclosedQuotesAndHugeRecords() {
		assertThatThrownBy(() -> inspect(new byte[] { 1, 0, 2, 3 })).isInstanceOf(ImportFileRejected.class)
			.extracting(e -> ((ImportFileRejected) e).reason()).isEqualTo("binary");
		assertThatThrownBy(() -> inspect("a,b\n\"open,2\n".getBytes(StandardCharsets.UTF_8)))
			.extracting(e -> ((ImportFileRejected) e).reason()).isEqualTo("unclosed-quote");
		byte[] huge = ("a\n" + "x".repeat(CsvReader.MAX_RECORD_CHARS + 10)).getBytes(StandardCharsets.UTF_8);
		assertThatThrownBy(() -> inspect(huge)).extracting(e -> ((ImportFileRejected) e).reason()).isEqualTo("record-too-long");
		assertThatThrownBy(() -> inspect(new byte[0])).extracting(e -> ((ImportFileRejected) e).reason()).isEqualTo("empty");
	}

	@Test
	void cleansRows() {
		List<String> headers = List.of("Name", "Mail", "Tel", "Born");
		Map<String, String> mapping = Map.of("Name", "fullName", "Mail", "email", "Tel", "phone", "Born", "cf.born");
		RowCleaner cleaner = new RowCleaner("contacts", headers, mapping, "CN", Map.of("born", "date"));
		RowCleaner.Cleaned row = cleaner.clean(1, List.of(" 欧阳娜娜 ", "NaNa@Example.COM", "138 1234 5678", "1990年3月7日"));
		assertThat(row.errors()).isEmpty();
		assertThat(row.fields()).containsEntry("lastName", "欧阳").containsEntry("firstName", "娜娜")
			.containsEntry("email", "nana@example.com").containsEntry("phone", "+8613812345678");
		assertThat(row.custom()).containsEntry("born", "1990-03-07");
		RowCleaner.Cleaned bad = cleaner.clean(2, List.of("Smith, John", "nope", "12", "31/02/2020"));
		assertThat(bad.fields()).containsEntry("lastName", "Smith").containsEntry("firstName", "John");
		assertThat(bad.errors()).extracting(RowCleaner.RowError::column).containsExactlyInAnyOrder("Mail", "Tel", "Born");
		assertThat(cleaner.clean(3, List.of("a", "b", "c", "d", "e")).errors()).hasSize(1);
		assertThat(RowCleaner.date("12/31/2026")).isEqualTo("2026-12-31");
		assertThat(RowCleaner.date("05.11.2026")).isEqualTo("2026-11-05");
		assertThat(RowCleaner.date("Dec 31, 2026")).isEqualTo("2026-12-31");
		assertThat(RowCleaner.date("20261231")).isEqualTo("2026-12-31");
	}

	@Test
	void mapsColumnsByNameAndSynonym() {
		assertThat(FieldMapping.automatic("contacts", List.of("First Name", "SURNAME", "E-mail", "手机", "cf.segment", "junk")))
			.containsEntry("First Name", "firstName").containsEntry("SURNAME", "lastName").containsEntry("E-mail", "email")
			.containsEntry("手机", "phone").containsEntry("cf.segment", "cf.segment").doesNotContainKey("junk");
		assertThat(FieldMapping.automatic("accounts", List.of("Company", "Web"))).containsEntry("Company", "name")
			.containsEntry("Web", "website");
	}

}
