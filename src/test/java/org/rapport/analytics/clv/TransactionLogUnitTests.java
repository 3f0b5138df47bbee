package org.rapport.analytics.clv;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Transactions become (x, t_x, T, zbar) by day, whatever their order. */
class TransactionLogUnitTests {

	private static final LocalDate JAN_1 = LocalDate.of(2024, 1, 1);

	@Test
	void purchasesOnOneDayAreOneTransactionWithTheirAmountsSummed() {
		TransactionLog log = new TransactionLog(JAN_1.plusDays(70), null);
		log.add("c1", JAN_1, 10);
		log.add("c1", JAN_1, 5);
		log.add("c1", JAN_1.plusDays(14), 20);
		log.add("c1", JAN_1.plusDays(14), 4);
		log.add("c1", JAN_1.plusDays(35), 30);
		CustomerSummary c = log.summarise().customers().get(0);
		assertThat(c.x()).isEqualTo(2);
		assertThat(c.tx()).isEqualTo(5.0);
		assertThat(c.T()).isEqualTo(10.0);
		// (24 + 30) / 2: the first day's 15 is not a repeat purchase
		assertThat(c.zbar()).isCloseTo(27, within(1e-12));
	}

	@Test
	void theOrderOfTransactionsDoesNotChangeTheSummaries() {
		Random random = new Random(7);
		List<Object[]> rows = new ArrayList<>();
		for (int c = 0; c < 50; c++) {
			for (int k = 0; k < 40; k++) {
				// few distinct days per customer, so many same-day duplicates in between
				rows.add(new Object[] { "c" + c, JAN_1.plusDays(random.nextInt(60)), (double) (1 + random.nextInt(100)) });
			}
		}
		List<CustomerSummary> inOrder = summarise(rows);
		Collections.shuffle(rows, random);
		List<CustomerSummary> shuffled = summarise(rows);
		assertThat(shuffled).hasSize(50);
		for (CustomerSummary s : inOrder) {
			CustomerSummary t = shuffled.stream().filter(u -> u.customerId().equals(s.customerId())).findFirst().orElseThrow();
			assertThat(t.x()).isEqualTo(s.x());
			assertThat(t.tx()).isEqualTo(s.tx());
			assertThat(t.T()).isEqualTo(s.T());
			assertThat(t.zbar()).isCloseTo(s.zbar(), within(1e-9));
			assertThat(t.holdoutX()).isEqualTo(s.holdoutX());
		}
	}

	@Test
	void calibrationEndSplitsCalibrationFromHoldOutAndLaterPurchasesAreIgnored() {
		TransactionLog log = new TransactionLog(JAN_1.plusDays(28), JAN_1.plusDays(56));
		log.add("c1", JAN_1, 10);
		log.add("c1", JAN_1.plusDays(28), 12); // on the calibration end: still calibration
		log.add("c1", JAN_1.plusDays(29), 99); // hold-out: counted, its value not in zbar
		log.add("c1", JAN_1.plusDays(56), 99); // on the hold-out end: counted
		log.add("c1", JAN_1.plusDays(57), 99); // after it: ignored
		log.add("late", JAN_1.plusDays(40), 5); // first bought in the hold-out: not in the cohort
		TransactionLog.Cohort cohort = log.summarise();
		assertThat(cohort.customers()).hasSize(1);
		assertThat(cohort.customersAfterCalibration()).isEqualTo(1);
		CustomerSummary c = cohort.customers().get(0);
		assertThat(c.x()).isEqualTo(1);
		assertThat(c.tx()).isEqualTo(4.0);
		assertThat(c.T()).isEqualTo(4.0);
		assertThat(c.zbar()).isEqualTo(12.0);
		assertThat(c.holdoutX()).isEqualTo(2);
		assertThat(log.transactions()).isEqualTo(5);
	}

	@Test
	void withoutCalibrationEndTheLastDateEndsTheCalibration() {
		TransactionLog log = new TransactionLog(null, null);
		log.add("a", JAN_1, 1);
		log.add("b", JAN_1.plusDays(7), 1);
		log.add("a", JAN_1.plusDays(14), 3);
		TransactionLog.Cohort cohort = log.summarise();
		assertThat(cohort.calibrationEnd()).isEqualTo(JAN_1.plusDays(14));
		assertThat(cohort.customers()).extracting(CustomerSummary::T).containsExactly(2.0, 1.0);
		assertThat(cohort.customers()).extracting(CustomerSummary::x).containsExactly(1, 0);
		assertThat(cohort.customers().get(1).hasHoldout()).isFalse();
	}

	@Test
	void aHoldOutNeedsACalibrationEndBeforeIt() {
		assertThatThrownBy(() -> new TransactionLog(null, JAN_1)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new TransactionLog(JAN_1, JAN_1.minusDays(1))).isInstanceOf(IllegalArgumentException.class);
	}

	private static List<CustomerSummary> summarise(List<Object[]> rows) {
		TransactionLog log = new TransactionLog(JAN_1.plusDays(40), JAN_1.plusDays(59));
		for (Object[] row : rows) {
			log.add((String) row[0], (LocalDate) row[1], (Double) row[2]);
		}
		return log.summarise().customers();
	}

}
