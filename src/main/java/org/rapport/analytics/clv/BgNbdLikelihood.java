package org.rapport.analytics.clv;

import java.util.stream.IntStream;

import org.hipparchus.special.Gamma;

/**
 * The BG/NBD log-likelihood of a data set (FHL 2005, eq. 6), summed over distinct histories:
 * {@code LL = ln Γ(r + x) - ln Γ(r) + r ln α + ln B(a, b + x) - ln B(a, b) + ln[(α + T)^-(r + x) +
 * [x > 0] a / (b + x - 1) (α + t_x)^-(r + x)]}. The last term is a log-sum-exp of
 * {@code A1 = -(r + x) ln(α + T)} and {@code A2 = ln a - ln(b + x - 1) - (r + x) ln(α + t_x)}, so that
 * neither power underflows for customers with many purchases; for {@code x = 0} it is {@code A1} alone.
 */
public final class BgNbdLikelihood {

	/** Above this many cells the sum is split over the cores. */
	private static final int PARALLEL_FROM = 50_000;

	private static final int CHUNK = 16_384;

	private final RfmData data;

	private BgNbdLikelihood(RfmData data) {
		this.data = data;
	}

	public static BgNbdLikelihood of(RfmData data) {
		return new BgNbdLikelihood(data);
	}

	public RfmData data() {
		return data;
	}

	public double value(BgNbd m) {
		return value(m.r(), m.alpha(), m.a(), m.b());
	}

	/** The log-likelihood; {@code -Infinity} outside the parameter space. */
	public double value(double r, double alpha, double a, double b) {
		if (!(r > 0 && alpha > 0 && a > 0 && b > 0) || Double.isInfinite(r + alpha + a + b)) {
			return Double.NEGATIVE_INFINITY;
		}
		int[] xs = data.xValues;
		// the terms that depend on x only, once per distinct x
		double lgR = Gamma.logGamma(r);
		double lgB = Gamma.logGamma(b);
		double lgAB = Gamma.logGamma(a + b);
		double rLogAlpha = r * Math.log(alpha);
		double byX = 0;
		double[] logBx = new double[xs.length];
		for (int i = 0; i < xs.length; i++) {
			int x = xs[i];
			double perCustomer = Gamma.logGamma(r + x) - lgR + rLogAlpha + lgAB + Gamma.logGamma(b + x) - lgB
					- Gamma.logGamma(a + b + x);
			byX += data.xCounts[i] * perCustomer;
			logBx[i] = x > 0 ? Math.log(b + x - 1) : Double.NaN;
		}
		double[] logAlphaT = logsOfAlphaPlus(alpha, data.tValues);
		double[] logAlphaTx = logsOfAlphaPlus(alpha, data.txValues);
		double logA = Math.log(a);
		int cells = data.cells();
		double byCell;
		if (cells < PARALLEL_FROM) {
			byCell = cellSum(0, cells, r, logA, logBx, logAlphaT, logAlphaTx);
		}
		else {
			int chunks = (cells + CHUNK - 1) / CHUNK;
			byCell = IntStream.range(0, chunks)
				.parallel()
				.mapToDouble(c -> cellSum(c * CHUNK, Math.min(cells, (c + 1) * CHUNK), r, logA, logBx, logAlphaT,
						logAlphaTx))
				.sum();
		}
		double ll = byX + byCell;
		return Double.isNaN(ll) ? Double.NEGATIVE_INFINITY : ll;
	}

	private double cellSum(int from, int to, double r, double logA, double[] logBx, double[] logAlphaT,
			double[] logAlphaTx) {
		int[] xs = data.xValues;
		double sum = 0;
		for (int i = from; i < to; i++) {
			int xi = data.cellX[i];
			int x = xs[xi];
			double rx = r + x;
			double a1 = -rx * logAlphaT[data.cellT[i]];
			double term;
			if (x == 0) {
				term = a1;
			}
			else {
				double a2 = logA - logBx[xi] - rx * logAlphaTx[data.cellTx[i]];
				double max = Math.max(a1, a2);
				term = max + Math.log1p(Math.exp(Math.min(a1, a2) - max));
			}
			sum += data.cellCount[i] * term;
		}
		return sum;
	}

	private static double[] logsOfAlphaPlus(double alpha, double[] values) {
		double[] logs = new double[values.length];
		for (int i = 0; i < values.length; i++) {
			logs[i] = Math.log(alpha + values[i]);
		}
		return logs;
	}

}
