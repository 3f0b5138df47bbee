package org.rapport.analytics.clv;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a stream of transactions {@code (customer, date, amount)}, in any order, into per-customer
 * summaries. Purchases are counted by day: all of one customer's purchases on one day are one
 * transaction, its value their sum. Only per-customer aggregates are kept: the first day and its
 * amount, the calibration amount, and the distinct purchase days (needed to merge same-day
 * purchases that arrive apart).
 *
 * <ul>
 * <li>{@code x}: purchase days after the first, up to and including the calibration end;
 * <li>{@code tx}: days from the first purchase to the last of those, / 7 (0 when x = 0);
 * <li>{@code T}: days from the first purchase to the calibration end, / 7;
 * <li>{@code zbar}: (calibration amount - first day's amount) / x (0 when x = 0);
 * <li>hold-out {@code x*}: purchase days after the calibration end up to and including the hold-out end.
 * </ul>
 * Customers whose first purchase falls after the calibration end are not part of the cohort.
 */
public final class TransactionLog {

	private final Integer calibrationEnd;

	private final Integer holdoutEnd;

	private final Map<String, History> customers = new LinkedHashMap<>();

	private int lastDay = Integer.MIN_VALUE;

	private long transactions;

	/**
	 * @param calibrationEnd last day of the calibration period; {@code null} for the last date seen
	 * @param holdoutEnd last day of the hold-out period; {@code null} for none
	 */
	public TransactionLog(LocalDate calibrationEnd, LocalDate holdoutEnd) {
		if (holdoutEnd != null && (calibrationEnd == null || holdoutEnd.isBefore(calibrationEnd))) {
			throw new IllegalArgumentException("A hold-out period needs a calibration end on or before it");
		}
		this.calibrationEnd = calibrationEnd == null ? null : (int) calibrationEnd.toEpochDay();
		this.holdoutEnd = holdoutEnd == null ? null : (int) holdoutEnd.toEpochDay();
	}

	/** Records one purchase; purchases after the observation window are ignored. */
	public void add(String customerId, LocalDate date, double amount) {
		int day = (int) date.toEpochDay();
		int windowEnd = holdoutEnd != null ? holdoutEnd : calibrationEnd != null ? calibrationEnd : Integer.MAX_VALUE;
		if (day > windowEnd) {
			return;
		}
		transactions++;
		lastDay = Math.max(lastDay, day);
		History h = customers.computeIfAbsent(customerId, k -> new History());
		if (calibrationEnd == null || day <= calibrationEnd) {
			h.calibrationAmount += amount;
			if (day < h.firstDay) {
				h.firstDay = day;
				h.firstDayAmount = amount;
			}
			else if (day == h.firstDay) {
				h.firstDayAmount += amount;
			}
		}
		h.addDay(day);
	}

	/** Purchases recorded (inside the observation window). */
	public long transactions() {
		return transactions;
	}

	/** The summaries, in the order customers first appeared. */
	public Cohort summarise() {
		if (customers.isEmpty()) {
			throw new IllegalArgumentException("No transactions");
		}
		int calEnd = calibrationEnd != null ? calibrationEnd : lastDay;
		int start = Integer.MAX_VALUE;
		for (History h : customers.values()) {
			start = Math.min(start, h.firstDay);
		}
		if (start == Integer.MAX_VALUE) {
			throw new IllegalArgumentException("No customer made a first purchase by the calibration end");
		}
		int end = holdoutEnd != null ? holdoutEnd : calEnd;
		// repeat purchases per day since the cohort's start, for the tracking chart
		long[] dailyRepeats = new long[end - start + 1];
		Map<Integer, Integer> firstDays = new java.util.TreeMap<>();
		List<CustomerSummary> summaries = new ArrayList<>(customers.size());
		int outside = 0;
		for (Map.Entry<String, History> e : customers.entrySet()) {
			History h = e.getValue();
			if (h.firstDay == Integer.MAX_VALUE) {
				outside++;
				continue;
			}
			int[] days = h.distinctDays();
			int x = 0;
			int last = h.firstDay;
			int holdout = 0;
			for (int day : days) {
				if (day > h.firstDay) {
					dailyRepeats[day - start]++;
					if (day <= calEnd) {
						x++;
						last = Math.max(last, day);
					}
					else {
						holdout++;
					}
				}
			}
			double zbar = x > 0 ? (h.calibrationAmount - h.firstDayAmount) / x : 0;
			summaries.add(new CustomerSummary(e.getKey(), x, (last - h.firstDay) / 7.0, (calEnd - h.firstDay) / 7.0,
					zbar, holdoutEnd != null ? holdout : -1));
			firstDays.merge(h.firstDay - start, 1, Integer::sum);
		}
		int[] firstDay = firstDays.keySet().stream().mapToInt(Integer::intValue).toArray();
		int[] firstCount = firstDays.values().stream().mapToInt(Integer::intValue).toArray();
		return new Cohort(LocalDate.ofEpochDay(start), LocalDate.ofEpochDay(calEnd),
				holdoutEnd == null ? null : LocalDate.ofEpochDay(holdoutEnd), summaries, outside, firstDay, firstCount,
				dailyRepeats);
	}

	/**
	 * The cohort of customers who made their first purchase by the calibration end.
	 *
	 * @param start the first day any of them bought
	 * @param calibrationEnd last day of the calibration period
	 * @param holdoutEnd last day of the hold-out period, or {@code null}
	 * @param customers their summaries
	 * @param customersAfterCalibration customers left out because they first bought after the calibration end
	 * @param firstPurchaseDay distinct days (since {@code start}) on which customers first bought
	 * @param firstPurchases how many customers first bought on each of those days
	 * @param dailyRepeats repeat purchases on each day since {@code start}, to the end of the hold-out
	 */
	public record Cohort(LocalDate start, LocalDate calibrationEnd, LocalDate holdoutEnd,
			List<CustomerSummary> customers, int customersAfterCalibration, int[] firstPurchaseDay,
			int[] firstPurchases, long[] dailyRepeats) {
	}

	private static final class History {

		int firstDay = Integer.MAX_VALUE;

		double firstDayAmount;

		double calibrationAmount;

		int[] days = new int[2];

		int size;

		boolean sorted = true;

		void addDay(int day) {
			if (size > 0 && days[size - 1] == day) {
				return;
			}
			if (size > 0 && day < days[size - 1]) {
				sorted = false;
			}
			if (size == days.length) {
				// unsorted input may repeat days: drop repeats before growing, so the array holds
				// about as many entries as the customer has distinct purchase days
				compact();
				if (size > days.length / 2) {
					days = Arrays.copyOf(days, days.length * 2);
				}
			}
			days[size++] = day;
		}

		private void compact() {
			if (sorted) {
				return;
			}
			Arrays.sort(days, 0, size);
			int n = 0;
			for (int i = 0; i < size; i++) {
				if (n == 0 || days[n - 1] != days[i]) {
					days[n++] = days[i];
				}
			}
			size = n;
			sorted = true;
		}

		int[] distinctDays() {
			compact();
			return Arrays.copyOf(days, size);
		}

	}

}
