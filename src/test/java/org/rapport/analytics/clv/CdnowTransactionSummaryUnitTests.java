package org.rapport.analytics.clv;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The transactions of the CDNOW sample, summarised with the calibration end 1997-09-30 (week 39),
 * give the published summary file {@code cdnow_customers_summary_with_transactions.csv}.
 */
class CdnowTransactionSummaryUnitTests {

	private static final LocalDate CALIBRATION_END = LocalDate.of(1997, 9, 30);

	private static final LocalDate HOLDOUT_END = LocalDate.of(1998, 6, 30);

	@Test
	void sampleTransactionsGiveThePublishedSummaryOfEveryCustomer() {
		TransactionLog.Cohort cohort = sample(CALIBRATION_END, null);
		List<Cdnow.Row> published = Cdnow.summaryWithSpend();
		assertThat(cohort.customers()).hasSize(published.size());
		assertThat(cohort.start()).isEqualTo(LocalDate.of(1997, 1, 1));
		Map<String, CustomerSummary> byId = cohort.customers().stream()
			.collect(Collectors.toMap(CustomerSummary::customerId, Function.identity()));
		for (Cdnow.Row row : published) {
			CustomerSummary s = byId.get(String.format("%04d", row.id()));
			assertThat(s).as("customer %d", row.id()).isNotNull();
			assertThat(s.x()).as("x of %d", row.id()).isEqualTo(row.x());
			// the file rounds to cents and 1/100 week
			assertThat(s.tx()).as("t_x of %d", row.id()).isCloseTo(row.tx(), within(0.005 + 1e-9));
			assertThat(s.T()).as("T of %d", row.id()).isCloseTo(row.T(), within(0.005 + 1e-9));
			assertThat(s.zbar()).as("zbar of %d", row.id()).isCloseTo(row.zbar(), within(0.005 + 1e-9));
			assertThat(s.hasHoldout()).isFalse();
		}
		assertThat(cohort.customers().stream().mapToInt(CustomerSummary::x).sum()).isEqualTo(2457);
	}

	@Test
	void holdOutCountsRepeatPurchaseDaysAfterTheCalibrationEnd() {
		TransactionLog.Cohort cohort = sample(CALIBRATION_END, HOLDOUT_END);
		assertThat(cohort.holdoutEnd()).isEqualTo(HOLDOUT_END);
		// the calibration summaries do not change with a hold-out
		assertThat(cohort.customers().stream().mapToInt(CustomerSummary::x).sum()).isEqualTo(2457);
		long holdout = cohort.customers().stream().mapToLong(CustomerSummary::holdoutX).sum();
		// all repeat purchase days of the sample, by a direct count over the file
		assertThat(cohort.customers().stream().mapToLong(CustomerSummary::x).sum() + holdout)
			.isEqualTo(distinctCustomerDays() - 2357);
		assertThat(cohort.dailyRepeats()).hasSize(546);
		assertThat(java.util.Arrays.stream(cohort.dailyRepeats()).sum()).isEqualTo(2457 + holdout);
	}

	@Test
	void trackingWeeksEndOnTheCalibrationEndAndCountCumulativeRepeatPurchases() {
		TransactionLog.Cohort cohort = sample(CALIBRATION_END, HOLDOUT_END);
		BgNbd published = new BgNbd(0.243, 4.414, 0.793, 2.426);
		List<RepeatPurchaseTracking.Week> weeks = RepeatPurchaseTracking.weekly(published, cohort);
		assertThat(weeks).hasSize(78);
		assertThat(weeks.get(38).date()).isEqualTo(CALIBRATION_END);
		assertThat(weeks.get(38).actual()).isEqualTo(2457);
		assertThat(weeks.get(77).date()).isEqualTo(HOLDOUT_END);
		long holdout = cohort.customers().stream().mapToLong(CustomerSummary::holdoutX).sum();
		assertThat(weeks.get(77).actual()).isEqualTo(2457 + holdout);
		for (int k = 1; k < weeks.size(); k++) {
			assertThat(weeks.get(k).expected()).isGreaterThan(weeks.get(k - 1).expected());
			assertThat(weeks.get(k).actual()).isGreaterThanOrEqualTo(weeks.get(k - 1).actual());
		}
		// the model tracks the cohort closely in calibration and hold-out (FHL 2005, Figure 4)
		assertThat(weeks.get(38).expected()).isCloseTo(2457, within(0.05 * 2457));
		assertThat(weeks.get(77).expected()).isCloseTo(weeks.get(77).actual(), within(0.05 * weeks.get(77).actual()));
	}

	private static TransactionLog.Cohort sample(LocalDate calibrationEnd, LocalDate holdoutEnd) {
		TransactionLog log = new TransactionLog(calibrationEnd, holdoutEnd);
		for (String line : Cdnow.lines("CDNOW_sample.txt")) {
			String[] f = line.strip().split("\\s+");
			log.add(f[1], LocalDate.parse(f[2].substring(0, 4) + "-" + f[2].substring(4, 6) + "-" + f[2].substring(6)),
					Double.parseDouble(f[4]));
		}
		return log.summarise();
	}

	private static long distinctCustomerDays() {
		return Cdnow.lines("CDNOW_sample.txt").stream().map(l -> {
			String[] f = l.strip().split("\\s+");
			return f[1] + "/" + f[2];
		}).distinct().count();
	}

}
