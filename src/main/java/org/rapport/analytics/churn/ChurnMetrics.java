package org.rapport.analytics.churn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * How well risk scores rank and are calibrated on a hold-out: ROC AUC (the Mann-Whitney
 * probability that a churner outranks a stayer, ties counting half), precision among the top tenth
 * by risk, the Brier score and the calibration table (mean predicted against observed churn rate
 * in ten equal-size risk bins).
 */
public record ChurnMetrics(double auc, double topDecilePrecision, double baseRate, double brier, List<Bin> calibration) {

	/** One calibration bin. */
	public record Bin(int customers, double predicted, double observed) {
	}

	public static ChurnMetrics of(double[] scores, boolean[] churned) {
		int n = scores.length;
		Integer[] order = new Integer[n];
		for (int i = 0; i < n; i++) {
			order[i] = i;
		}
		Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
		// AUC from average ranks (ties get the mean rank)
		double[] ranks = new double[n];
		for (int i = 0; i < n;) {
			int j = i;
			while (j + 1 < n && scores[order[j + 1]] == scores[order[i]]) {
				j++;
			}
			double rank = (i + j) / 2.0 + 1;
			for (int k = i; k <= j; k++) {
				ranks[order[k]] = rank;
			}
			i = j + 1;
		}
		long positives = 0;
		double rankSum = 0;
		double brier = 0;
		for (int i = 0; i < n; i++) {
			if (churned[i]) {
				positives++;
				rankSum += ranks[i];
			}
			double d = scores[i] - (churned[i] ? 1 : 0);
			brier += d * d;
		}
		long negatives = n - positives;
		double auc = (rankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
		int decile = (int) Math.ceil(n / 10.0);
		int topHits = 0;
		for (int k = n - 1; k >= n - decile; k--) {
			topHits += churned[order[k]] ? 1 : 0;
		}
		List<Bin> bins = new ArrayList<>();
		for (int b = 0; b < 10; b++) {
			int from = (int) ((long) n * b / 10);
			int to = (int) ((long) n * (b + 1) / 10);
			double p = 0;
			double o = 0;
			for (int k = from; k < to; k++) {
				p += scores[order[k]];
				o += churned[order[k]] ? 1 : 0;
			}
			if (to > from) {
				bins.add(new Bin(to - from, p / (to - from), o / (to - from)));
			}
		}
		return new ChurnMetrics(auc, (double) topHits / decile, (double) positives / n, brier / n, bins);
	}

	/** Expected calibration error: the customer-weighted mean gap between predicted and observed per bin. */
	public double calibrationError() {
		double total = 0;
		int n = 0;
		for (Bin b : calibration) {
			total += b.customers() * Math.abs(b.predicted() - b.observed());
			n += b.customers();
		}
		return n == 0 ? 0 : total / n;
	}

}
