package org.rapport.analytics.recommend;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * Implicit-feedback matrix factorisation (Hu, Koren &amp; Volinsky 2008, "Collaborative Filtering for
 * Implicit Feedback Datasets", ICDM): preference {@code p = 1} for every product a customer bought,
 * confidence {@code c = 1 + α·log(1 + orders/ε)}, minimising
 * {@code Σ c·(p − xᵤᵀyᵢ)² + λ(Σ|xᵤ|² + Σ|yᵢ|²)} by alternating least squares. Each half-step solves,
 * per customer, {@code (YᵀY + Yᵀ(Cᵤ − I)Y + λI) xᵤ = YᵀCᵤp(u)} with the paper's trick that
 * {@code YᵀY} is shared and only the customer's own products add to it (EJML Cholesky solves).
 *
 * @param factors latent dimensions
 * @param lambda L2 regularisation
 * @param alpha confidence scale
 * @param epsilon confidence log scale
 * @param iterations alternating sweeps
 * @param seed initial factors
 */
public record ImplicitAls(int factors, double lambda, double alpha, double epsilon, int iterations, long seed) {

	public static ImplicitAls defaults() {
		return new ImplicitAls(32, 0.1, 40, 1, 12, 42);
	}

	/** The fitted factors, usable as a {@link Recommender}. */
	public Model fit(Purchases purchases) {
		int users = purchases.customerCount();
		int items = purchases.productCount();
		SplittableRandom random = new SplittableRandom(seed);
		double[][] x = new double[users][factors];
		double[][] y = new double[items][factors];
		for (double[] row : x) {
			for (int f = 0; f < factors; f++) {
				row[f] = random.nextGaussian() * 0.01;
			}
		}
		for (double[] row : y) {
			for (int f = 0; f < factors; f++) {
				row[f] = random.nextGaussian() * 0.01;
			}
		}
		// the same confidences seen from the products' side
		int[][] byItemUsers = new int[items][];
		double[][] byItemConf = new double[items][];
		int[] fill = new int[items];
		for (int u = 0; u < users; u++) {
			for (int i : purchases.basket(u).keySet()) {
				fill[i]++;
			}
		}
		for (int i = 0; i < items; i++) {
			byItemUsers[i] = new int[fill[i]];
			byItemConf[i] = new double[fill[i]];
			fill[i] = 0;
		}
		int[][] byUserItems = new int[users][];
		double[][] byUserConf = new double[users][];
		for (int u = 0; u < users; u++) {
			Map<Integer, Integer> basket = purchases.basket(u);
			byUserItems[u] = new int[basket.size()];
			byUserConf[u] = new double[basket.size()];
			int k = 0;
			for (Map.Entry<Integer, Integer> e : basket.entrySet()) {
				double c = 1 + alpha * Math.log(1 + e.getValue() / epsilon);
				byUserItems[u][k] = e.getKey();
				byUserConf[u][k++] = c;
				int i = e.getKey();
				byItemUsers[i][fill[i]] = u;
				byItemConf[i][fill[i]++] = c;
			}
		}
		for (int it = 0; it < iterations; it++) {
			solve(x, y, byUserItems, byUserConf);
			solve(y, x, byItemUsers, byItemConf);
		}
		return new Model(purchases, x, y);
	}

	/** One half-step: every row of {@code target} from the fixed {@code other} factors. */
	private void solve(double[][] target, double[][] other, int[][] index, double[][] confidence) {
		DMatrixRMaj gram = new DMatrixRMaj(factors, factors);
		for (double[] row : other) {
			for (int a = 0; a < factors; a++) {
				double ra = row[a];
				for (int b = a; b < factors; b++) {
					gram.data[a * factors + b] += ra * row[b];
				}
			}
		}
		for (int a = 0; a < factors; a++) {
			for (int b = 0; b < a; b++) {
				gram.data[a * factors + b] = gram.data[b * factors + a];
			}
		}
		IntStream.range(0, target.length).parallel().forEach(r -> {
			DMatrixRMaj a = gram.copy();
			DMatrixRMaj rhs = new DMatrixRMaj(factors, 1);
			int[] idx = index[r];
			double[] conf = confidence[r];
			for (int k = 0; k < idx.length; k++) {
				double[] v = other[idx[k]];
				double c = conf[k];
				for (int p = 0; p < factors; p++) {
					double cp = (c - 1) * v[p];
					for (int q = 0; q < factors; q++) {
						a.data[p * factors + q] += cp * v[q];
					}
					rhs.data[p] += c * v[p];
				}
			}
			for (int p = 0; p < factors; p++) {
				a.data[p * factors + p] += lambda;
			}
			LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.chol(factors);
			DMatrixRMaj solution = new DMatrixRMaj(factors, 1);
			if (!solver.setA(a)) {
				throw new IllegalStateException("Normal equations not positive definite");
			}
			solver.solve(rhs, solution);
			System.arraycopy(solution.data, 0, target[r], 0, factors);
		});
		CommonOps_DDRM.fill(gram, 0);
	}

	/** Customer and product factors; a customer's score for a product is their dot product. */
	public static final class Model implements Recommender {

		private final Purchases purchases;

		private final double[][] x;

		private final double[][] y;

		Model(Purchases purchases, double[][] x, double[][] y) {
			this.purchases = purchases;
			this.x = x;
			this.y = y;
		}

		public double score(int customer, int product) {
			double s = 0;
			double[] u = x[customer];
			double[] v = y[product];
			for (int f = 0; f < u.length; f++) {
				s += u[f] * v[f];
			}
			return s;
		}

		@Override
		public List<Recommendation> recommend(int customer, int n) {
			double[] scores = new double[y.length];
			for (int p = 0; p < scores.length; p++) {
				scores[p] = score(customer, p);
			}
			return Recommender.top(scores, purchases.items(customer), n);
		}

	}

}
