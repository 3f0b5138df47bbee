package org.rapport.sales.internal;

import java.util.Arrays;

import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.SimpleBounds;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;

/**
 * Exponential smoothing of a monthly series: Holt-Winters with additive seasonality when there are
 * at least two full seasons, Holt's linear trend with fewer, simple smoothing with very few points.
 * The smoothing parameters (α level, β trend, γ season) minimise the sum of squared one-step-ahead
 * errors over the training series, found by Hipparchus' BOBYQA optimiser within [0.01, 0.99].
 *
 * @param alpha level smoothing
 * @param beta trend smoothing (0 without trend)
 * @param gamma season smoothing (0 without season)
 * @param period season length used (0 without season)
 * @param level final level
 * @param trend final trend
 * @param season final seasonal offsets, indexed by position in the season
 * @param n length of the training series
 * @param sse sum of squared one-step-ahead errors on the training series
 */
public record HoltWinters(double alpha, double beta, double gamma, int period, double level, double trend,
		double[] season, int n, double sse) {

	/** Fits the model to {@code series} (oldest first) with the given season length (12 for months). */
	public static HoltWinters fit(double[] series, int seasonLength) {
		int n = series.length;
		if (n == 0) {
			return new HoltWinters(0, 0, 0, 0, 0, 0, new double[0], 0, 0);
		}
		int period = n >= 2 * seasonLength ? seasonLength : 0;
		boolean trend = n >= 4;
		int dims = 1 + (trend ? 1 : 0) + (period > 0 ? 1 : 0);
		if (n < 3) {
			return run(series, 0.5, 0, 0, 0);
		}
		double[] start = new double[dims];
		double[] lower = new double[dims];
		double[] upper = new double[dims];
		Arrays.fill(start, 0.3);
		Arrays.fill(lower, 0.01);
		Arrays.fill(upper, 0.99);
		ObjectiveFunction sse = new ObjectiveFunction(p -> run(series, p[0], trend ? p[1] : 0,
				period > 0 ? p[dims - 1] : 0, period).sse());
		double[] best;
		if (dims == 1) {
			// BOBYQA needs two dimensions at least: search the one parameter on a fine grid instead
			double bestA = 0.5;
			double bestSse = Double.MAX_VALUE;
			for (double a = 0.01; a <= 0.99; a += 0.01) {
				double e = run(series, a, 0, 0, 0).sse();
				if (e < bestSse) {
					bestSse = e;
					bestA = a;
				}
			}
			best = new double[] { bestA };
		}
		else {
			BOBYQAOptimizer optimizer = new BOBYQAOptimizer(2 * dims + 1);
			best = optimizer
				.optimize(new MaxEval(4000), sse, GoalType.MINIMIZE, new InitialGuess(start),
						new SimpleBounds(lower, upper))
				.getPoint();
		}
		return run(series, best[0], trend ? best[1] : 0, period > 0 ? best[dims - 1] : 0, period);
	}

	/** Runs the smoothing recursions with fixed parameters; the SSE is of the one-step-ahead errors. */
	static HoltWinters run(double[] y, double alpha, double beta, double gamma, int period) {
		int n = y.length;
		double[] season = new double[Math.max(period, 0)];
		double level;
		double trend = 0;
		int start;
		if (period > 0) {
			// classical decomposition over the full seasons: trend from the first two season means,
			// seasonal offsets as the mean detrended deviation at each position
			int seasons = n / period;
			double first = mean(y, 0, period);
			double slope = (mean(y, period, 2 * period) - first) / period;
			double centre = (period - 1) / 2.0;
			for (int i = 0; i < period; i++) {
				double sum = 0;
				for (int k = 0; k < seasons; k++) {
					sum += y[i + k * period] - mean(y, k * period, (k + 1) * period) - slope * (i - centre);
				}
				season[i] = sum / seasons;
			}
			level = first + slope * centre;
			trend = beta > 0 ? slope : 0;
			start = period;
		}
		else {
			level = y[0];
			trend = beta > 0 && n > 1 ? y[1] - y[0] : 0;
			start = 1;
		}
		double sse = 0;
		for (int t = start; t < n; t++) {
			double s = period > 0 ? season[t % period] : 0;
			double forecast = level + trend + s;
			double error = y[t] - forecast;
			sse += error * error;
			double previousLevel = level;
			level = alpha * (y[t] - s) + (1 - alpha) * (level + trend);
			if (beta > 0) {
				trend = beta * (level - previousLevel) + (1 - beta) * trend;
			}
			if (period > 0) {
				season[t % period] = gamma * (y[t] - level) + (1 - gamma) * s;
			}
		}
		return new HoltWinters(alpha, beta, gamma, period, level, trend, season, n, sse);
	}

	/** Forecasts for the next {@code h} periods after the training series. */
	public double[] forecast(int h) {
		double[] f = new double[h];
		for (int k = 1; k <= h; k++) {
			double s = period > 0 ? season[(n + k - 1) % period] : 0;
			f[k - 1] = level + k * trend + s;
		}
		return f;
	}

	/** The model's name, for the report: which form was fitted. */
	public String method() {
		if (period > 0) {
			return "holt-winters-additive";
		}
		return beta > 0 ? "holt-linear-trend" : "simple-exponential-smoothing";
	}

	private static double mean(double[] y, int from, int to) {
		double sum = 0;
		for (int i = from; i < to; i++) {
			sum += y[i];
		}
		return sum / (to - from);
	}

}
