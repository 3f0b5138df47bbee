package org.rapport.analytics;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.rapport.analytics.clv.Cdnow;
import org.rapport.platform.InvalidInput;
import org.rapport.platform.RapportException.FieldProblem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

/** Reading the CSV forms of the CLV analysis: what is accepted, and every problem by line and column. */
class ClvAnalysisUnitTests {

	private final ClvAnalysis analysis = new ClvAnalysis(AnalyticsSettings.defaults());

	@Test
	void acceptsQuotesAnyColumnOrderExtraColumnsABomAndAnyLineEnding() {
		// the CDNOW sample, rewritten: columns reordered, an extra column, quoted ids, BOM, CR-only lines
		StringBuilder csv = new StringBuilder("\uFEFFamount,note,Customer_ID,date\r");
		for (String line : Cdnow.sampleAsCsv().split("\n")) {
			if (!line.startsWith("customerId")) {
				String[] f = line.split(",");
				csv.append(f[2]).append(",\"a, \"\"note\"\"\",\"").append(f[0]).append("\",").append(f[1]).append('\r');
			}
		}
		csv.append("\r\r");
		ClvReport report = analysis.fromTransactions(stream(csv.toString()),
				new ClvOptions(LocalDate.of(1997, 9, 30), null, true, null, null, null));
		ClvReport plain = analysis.fromTransactions(stream(Cdnow.sampleAsCsv()),
				new ClvOptions(LocalDate.of(1997, 9, 30), null, true, null, null, null));
		assertThat(report.customersFitted()).isEqualTo(2357);
		assertThat(report.bgNbd()).isEqualTo(plain.bgNbd());
		assertThat(report.customers().get(0).customerId()).isEqualTo("0001");
	}

	@Test
	void namesEveryBadLineAndColumnUpToTheLimit() {
		StringBuilder csv = new StringBuilder("customerId,date,amount\n");
		for (int i = 0; i < 30; i++) {
			csv.append("c").append(i).append(",2024-13-01,1\n");
		}
		List<FieldProblem> problems = problems(csv.toString(), false);
		assertThat(problems).hasSize(20);
		assertThat(problems.get(0).field()).isEqualTo("line 2: date");
		assertThat(problems.get(19).field()).isEqualTo("line 21: date");
	}

	@Test
	void refusesNumbersJavaWouldAcceptButCsvDoesNot() {
		for (String amount : List.of("NaN", "Infinity", "0x1p3", "1d", "1,5", "1e999", "")) {
			String csv = "customerId,date,amount\nc1,2024-01-01,\"" + amount + "\"\n";
			assertThat(problems(csv, false)).as(amount).extracting(FieldProblem::field).containsExactly("line 2: amount");
		}
	}

	@Test
	void refusesBadIdsDatesAndTextThatIsNotUtf8() {
		assertThat(problems("customerId,date,amount\n\"a\u0007b\",2024-01-01,1\n", false)).extracting(FieldProblem::code)
			.containsExactly("invalid-characters");
		assertThat(problems("customerId,date,amount\nc1,1.1.2024,1\nc1,2023-02-29,1\n", false))
			.extracting(FieldProblem::field).containsExactly("line 2: date", "line 3: date");
		byte[] latin1 = "customerId,date,amount\nM\u00fcller,2024-01-01,1\n".getBytes(StandardCharsets.ISO_8859_1);
		InvalidInput ex = catchThrowableOfType(InvalidInput.class,
				() -> analysis.fromTransactions(new ByteArrayInputStream(latin1), ClvOptions.defaults()));
		assertThat(ex.fieldProblems()).extracting(FieldProblem::field, FieldProblem::code)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("line 2", "not-utf-8"));
		assertThat(problems("", false)).extracting(FieldProblem::code).containsExactly("no-header");
	}

	@Test
	void checksSummariesForConsistency() {
		String csv = "customerId,x,tx,T,zbar\na,2,30,38\nb,1.5,3,38,10\nc,1,40,38,10\nd,0,3,38,0\ne,1,3,0,5\n"
				+ "f,1,3,38,-1\nb,1,1,38,1\n";
		assertThat(problems(csv, true)).extracting(FieldProblem::field, FieldProblem::code)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("line 2", "columns"),
					org.assertj.core.groups.Tuple.tuple("line 3: x", "not-a-count"),
					org.assertj.core.groups.Tuple.tuple("line 4: tx", "after-T"),
					org.assertj.core.groups.Tuple.tuple("line 5: tx", "without-purchases"),
					org.assertj.core.groups.Tuple.tuple("line 6: tx", "after-T"),
					org.assertj.core.groups.Tuple.tuple("line 7: zbar", "negative"),
					org.assertj.core.groups.Tuple.tuple("line 8: customerId", "duplicate"));
	}

	@Test
	void refusesDataWithoutRepeatPurchasesAndOptionsOutOfRange() {
		InvalidInput none = catchThrowableOfType(InvalidInput.class, () -> analysis
			.fromTransactions(stream("customerId,date,amount\na,2024-01-01,1\nb,2024-01-02,1\n"), ClvOptions.defaults()));
		assertThat(none.fieldProblems()).extracting(FieldProblem::code).containsExactly("no-repeat-purchases");
		InvalidInput options = catchThrowableOfType(InvalidInput.class,
				() -> analysis.fromTransactions(stream("customerId,date,amount\n"),
						new ClvOptions(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 1, 1), false, 0.0, 0, 1.5)));
		assertThat(options.fieldProblems()).extracting(FieldProblem::field)
			.containsExactly("holdoutEnd", "horizonWeeks", "months", "discountRate");
	}

	@Test
	void smallDataSetsGiveFiniteFiguresForEveryCustomer() {
		String csv = "customerId,date,amount\na,2024-01-01,10\na,2024-01-20,12\nb,2024-01-03,5\nc,2024-01-10,7\n"
				+ "c,2024-02-01,9\nc,2024-02-20,8\nd,2024-02-01,4\n";
		ClvReport report = analysis.fromTransactions(stream(csv),
				new ClvOptions(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 4, 1), true, null, null, null));
		assertThat(report.customersFitted()).isEqualTo(4);
		for (ClvReport.CustomerValue c : report.customers()) {
			assertThat(c.expectedTransactions()).as(c.customerId()).isFinite().isNotNegative();
			assertThat(c.pAlive()).as(c.customerId()).isBetween(0.0, 1.0);
			if (c.clv() != null) {
				assertThat(c.clv()).as(c.customerId()).isFinite().isNotNegative();
			}
		}
		assertThat(report.tracking()).isNotEmpty().allSatisfy(w -> assertThat(w.expected()).isFinite());
		assertThat(report.holdout().weeks()).isCloseTo(31 / 7.0, within(1e-12));
	}

	private List<FieldProblem> problems(String csv, boolean summary) {
		InvalidInput ex = catchThrowableOfType(InvalidInput.class,
				() -> {
					if (summary) {
						analysis.fromSummaries(stream(csv), ClvOptions.defaults());
					}
					else {
						analysis.fromTransactions(stream(csv), ClvOptions.defaults());
					}
				});
		assertThat(ex).as("no problem found in %s", csv).isNotNull();
		return ex.fieldProblems();
	}

	private static ByteArrayInputStream stream(String text) {
		return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
	}

}
