package org.rapport.analytics.anomaly;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/**
 * The features the anomaly scans look at: an order line's quantity, discount, amount and time of
 * day, and a customer's activity before and in the last four weeks.
 */
public final class AnomalyFeatures {

	/** Order-line features, in row order. */
	public static final List<String> ORDER = List.of("quantity", "discount", "amount", "timeOfDay");

	/** Engagement features, in row order. */
	public static final List<String> ENGAGEMENT = List.of("previousRate", "recentRate", "ratio", "weeksSilent");

	/** Weeks of activity a customer is compared on. */
	public static final int PREVIOUS_WEEKS = 12;

	/** The recent weeks compared with them. */
	public static final int RECENT_WEEKS = 4;

	public static final int WEEKS = PREVIOUS_WEEKS + RECENT_WEEKS;

	/**
	 * Activities a week added to both rates of the ratio, so that it stays finite and a customer going
	 * from one activity to none is not as sudden a drop as one going from five a week to none.
	 */
	static final double SMOOTHING = 0.25;

	private AnomalyFeatures() {
	}

	/**
	 * An order line's features.
	 * @param discountPercent 0–100
	 * @param amount line net in the corporate currency
	 * @param createdAt when the order was entered, read in the company's time zone
	 */
	public static double[] orderLine(double quantity, double discountPercent, double amount, Instant createdAt,
			ZoneId zone) {
		LocalTime time = createdAt.atZone(zone).toLocalTime();
		return new double[] { quantity, discountPercent, amount, time.getHour() + time.getMinute() / 60.0 };
	}

	/**
	 * A customer's engagement features from their weekly activity counts (oldest week first, the last
	 * {@link #RECENT_WEEKS} being the recent ones): previousRate and recentRate (activities a week),
	 * ratio = (recent + ¼) ÷ (previous + ¼), and weeksSilent (weeks from the latest activity to
	 * {@code end}, one decimal).
	 */
	public static double[] engagement(int[] weeklyCounts, Instant lastAt, Instant end) {
		if (weeklyCounts.length != WEEKS) {
			throw new IllegalArgumentException("Expected " + WEEKS + " weeks, got " + weeklyCounts.length);
		}
		double previous = 0;
		double recent = 0;
		for (int w = 0; w < WEEKS; w++) {
			if (w < PREVIOUS_WEEKS) {
				previous += weeklyCounts[w];
			}
			else {
				recent += weeklyCounts[w];
			}
		}
		previous /= PREVIOUS_WEEKS;
		recent /= RECENT_WEEKS;
		double silent = lastAt == null ? WEEKS : Math.max(0, Duration.between(lastAt, end).toHours() / 24.0 / 7);
		return new double[] { round(previous, 2), round(recent, 2), round((recent + SMOOTHING) / (previous + SMOOTHING), 3),
				round(silent, 1) };
	}

	/** A drop: the recent rate is at most half the previous one, which was at least one activity a month. */
	public static boolean dropped(double[] engagement) {
		return engagement[0] >= SMOOTHING && engagement[1] <= engagement[0] / 2;
	}

	private static double round(double value, int digits) {
		double scale = Math.pow(10, digits);
		return Math.round(value * scale) / scale;
	}

}
