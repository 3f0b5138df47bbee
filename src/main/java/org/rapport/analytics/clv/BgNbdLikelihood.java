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

	/**
	 * The log-likelihood and, in {@code gradient}, its derivatives by {@code (r, alpha, a, b)}:
	 * with {@code S = ln(e^A1 + e^A2)} and the weights {@code w_i = e^(A_i - S)},
	 * {@code ∂S = w1 ∂A1 + w2 ∂A2}, where {@code ∂A1/∂r = -ln(α+T)}, {@code ∂A1/∂α = -(r+x)/(α+T)},
	 * {@code ∂A2/∂r = -ln(α+t_x)}, {@code ∂A2/∂α = -(r+x)/(α+t_x)}, {@code ∂A2/∂a = 1/a},
	 * {@code ∂A2/∂b = -1/(b+x-1)}; the log-gamma terms give digammas.
	 */
	public double valueAndGradient(double r, double alpha, double a, double b, double[] gradient) {
		if (!(r > 0 && alpha > 0 && a > 0 && b > 0) || Double.isInfinite(r + alpha + a + b)) {
			java.util.Arrays.fill(gradient, Double.NaN);
			return Double.NEGATIVE_INFINITY;
		}
		int[] xs = data.xValues;
		double lgR = Gamma.logGamma(r);
		double lgB = Gamma.logGamma(b);
		double lgAB = Gamma.logGamma(a + b);
		double psiR = Gamma.digamma(r);
		double psiB = Gamma.digamma(b);
		double psiAB = Gamma.digamma(a + b);
		double logAlpha = Math.log(alpha);
		double ll = 0;
		double gr = 0;
		double galpha = 0;
		double ga = 0;
		double gb = 0;
		double[] logBx = new double[xs.length];
		double[] invBx = new double[xs.length];
		for (int i = 0; i < xs.length; i++) {
			int x = xs[i];
			double n = data.xCounts[i];
			ll += n * (Gamma.logGamma(r + x) - lgR + r * logAlpha + lgAB + Gamma.logGamma(b + x) - lgB
					- Gamma.logGamma(a + b + x));
			double psiABX = Gamma.digamma(a + b + x);
			gr += n * (Gamma.digamma(r + x) - psiR + logAlpha);
			galpha += n * r / alpha;
			ga += n * (psiAB - psiABX);
			gb += n * (psiAB + Gamma.digamma(b + x) - psiB - psiABX);
			logBx[i] = x > 0 ? Math.log(b + x - 1) : Double.NaN;
			invBx[i] = x > 0 ? 1 / (b + x - 1) : Double.NaN;
		}
		double[] logAlphaT = logsOfAlphaPlus(alpha, data.tValues);
		double[] logAlphaTx = logsOfAlphaPlus(alpha, data.txValues);
		double[] invAlphaT = inversesOfAlphaPlus(alpha, data.tValues);
		double[] invAlphaTx = inversesOfAlphaPlus(alpha, data.txValues);
		double logA = Math.log(a);
		int cells = data.cells();
		int chunks = (cells + CHUNK - 1) / CHUNK;
		double[][] parts = new double[chunks][];
		IntStream range = IntStream.range(0, chunks);
		(cells < PARALLEL_FROM ? range : range.parallel()).forEach(c -> parts[c] = cellGradient(c * CHUNK,
				Math.min(cells, (c + 1) * CHUNK), r, logA, 1 / a, logBx, invBx, logAlphaT, logAlphaTx, invAlphaT,
				invAlphaTx));
		for (double[] part : parts) {
			ll += part[0];
			gr += part[1];
			galpha += part[2];
			ga += part[3];
			gb += part[4];
		}
		gradient[0] = gr;
		gradient[1] = galpha;
		gradient[2] = ga;
		gradient[3] = gb;
		return Double.isNaN(ll) ? Double.NEGATIVE_INFINITY : ll;
	}

	private double[] cellGradient(int from, int to, double r, double logA, double invA, double[] logBx,
			double[] invBx, double[] logAlphaT, double[] logAlphaTx, double[] invAlphaT, double[] invAlphaTx) {
		int[] xs = data.xValues;
		double ll = 0;
		double gr = 0;
		double galpha = 0;
		double ga = 0;
		double gb = 0;
		for (int i = from; i < to; i++) {
			int xi = data.cellX[i];
			int x = xs[xi];
			double w = data.cellCount[i];
			double rx = r + x;
			int t = data.cellT[i];
			double a1 = -rx * logAlphaT[t];
			if (x == 0) {
				ll += w * a1;
				gr -= w * logAlphaT[t];
				galpha -= w * rx * invAlphaT[t];
				continue;
			}
			int tx = data.cellTx[i];
			double a2 = logA - logBx[xi] - rx * logAlphaTx[tx];
			double max = Math.max(a1, a2);
			double e1 = Math.exp(a1 - max);
			double e2 = Math.exp(a2 - max);
			double sum = e1 + e2;
			double w1 = e1 / sum;
			double w2 = e2 / sum;
			ll += w * (max + Math.log(sum));
			gr -= w * (w1 * logAlphaT[t] + w2 * logAlphaTx[tx]);
			galpha -= w * rx * (w1 * invAlphaT[t] + w2 * invAlphaTx[tx]);
			ga += w * w2 * invA;
			gb -= w * w2 * invBx[xi];
		}
		return new double[] { ll, gr, galpha, ga, gb };
	}

	private static double[] inversesOfAlphaPlus(double alpha, double[] values) {
		double[] inverses = new double[values.length];
		for (int i = 0; i < values.length; i++) {
			inverses[i] = 1 / (alpha + values[i]);
		}
		return inverses;
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
