package org.rapport.analytics.clv;

import java.util.function.ToDoubleFunction;

import org.hipparchus.exception.MathRuntimeException;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.PointValuePair;
import org.hipparchus.optim.SimpleBounds;
import org.hipparchus.optim.SimpleValueChecker;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;
import org.hipparchus.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.hipparchus.optim.nonlinear.scalar.noderiv.SimplexOptimizer;

/**
 * Maximises a log-likelihood of positive parameters over their logarithms, so that the search is
 * unconstrained and moves in relative steps: Nelder-Mead from the start, Nelder-Mead again from
 * where it stopped (a simplex that has collapsed in one direction can stall short of the optimum),
 * then BOBYQA to polish the last digits. Derivative-free, so any likelihood can use it.
 */
final class LogScaleMaximizer {

	/** Log-parameters are kept within e^±LIMIT; beyond, the likelihood is taken as impossible. */
	static final double LIMIT = 30;

	private static final int MAX_EVALUATIONS = 20_000;

	private LogScaleMaximizer() {
	}

	/**
	 * The maximum found.
	 *
	 * @param parameters the parameters (not their logs)
	 * @param value the log-likelihood there
	 * @param evaluations how often the likelihood was evaluated
	 */
	record Maximum(double[] parameters, double value, int evaluations) {
	}

	/** A log-likelihood that also gives its gradient by the parameters (not their logs). */
	interface WithGradient {

		/** The value at {@code p}; {@code gradient} receives the derivatives. */
		double valueAndGradient(double[] p, double[] gradient);

	}

	/**
	 * With a gradient: BFGS over the log-parameters first, which needs a few dozen evaluations
	 * where the simplex needs hundreds; if it does not reach a point where the gradient vanishes
	 * (relative to the likelihood's size), the derivative-free route below decides.
	 */
	static Maximum maximise(ToDoubleFunction<double[]> logLikelihood, WithGradient withGradient, double[] start) {
		Maximum quasiNewton = Bfgs.maximise(withGradient, start);
		if (quasiNewton != null) {
			return quasiNewton;
		}
		return maximise(logLikelihood, start);
	}

	static Maximum maximise(ToDoubleFunction<double[]> logLikelihood, double[] start) {
		int n = start.length;
		int[] evaluations = { 0 };
		ObjectiveFunction objective = new ObjectiveFunction(theta -> {
			evaluations[0]++;
			for (double t : theta) {
				if (!(Math.abs(t) <= LIMIT)) {
					return -Double.MAX_VALUE;
				}
			}
			double[] p = new double[n];
			for (int i = 0; i < n; i++) {
				p[i] = Math.exp(theta[i]);
			}
			double ll = logLikelihood.applyAsDouble(p);
			// the optimisers compare values, and NaN or -Infinity would stall them
			return Double.isFinite(ll) ? ll : -Double.MAX_VALUE;
		});
		double[] theta = new double[n];
		for (int i = 0; i < n; i++) {
			theta[i] = Math.log(start[i]);
		}
		SimplexOptimizer simplex = new SimplexOptimizer(new SimpleValueChecker(1e-13, 1e-11));
		PointValuePair best = null;
		for (int round = 0; round < 2; round++) {
			PointValuePair found = simplex.optimize(new MaxEval(MAX_EVALUATIONS), objective, GoalType.MAXIMIZE,
					new InitialGuess(best == null ? theta : best.getPoint()),
					new NelderMeadSimplex(n, round == 0 ? 1.0 : 0.1));
			if (best == null || found.getValue() >= best.getValue()) {
				best = found;
			}
		}
		best = polish(objective, best);
		double[] parameters = new double[n];
		for (int i = 0; i < n; i++) {
			parameters[i] = Math.exp(best.getPoint()[i]);
		}
		return new Maximum(parameters, best.getValue(), evaluations[0]);
	}

	/** BOBYQA from the simplex's answer, kept only when it is better. */
	private static PointValuePair polish(ObjectiveFunction objective, PointValuePair start) {
		int n = start.getPoint().length;
		double[] lower = new double[n];
		double[] upper = new double[n];
		for (int i = 0; i < n; i++) {
			lower[i] = Math.max(-LIMIT, start.getPoint()[i] - 5);
			upper[i] = Math.min(LIMIT, start.getPoint()[i] + 5);
		}
		try {
			PointValuePair polished = new BOBYQAOptimizer(2 * n + 1, 0.05, 1e-10).optimize(
					new MaxEval(MAX_EVALUATIONS), objective, GoalType.MAXIMIZE, new InitialGuess(start.getPoint()),
					new SimpleBounds(lower, upper));
			return polished.getValue() >= start.getValue() ? polished : start;
		}
		catch (MathRuntimeException ex) {
			// BOBYQA gives up on some flat or boundary likelihoods; the simplex's answer stands
			return start;
		}
	}

	/**
	 * BFGS with a backtracking (Armijo) line search, minimising {@code -LL(exp θ)}; the chain rule
	 * gives {@code ∂/∂θ_i = p_i ∂/∂p_i}. Answers {@code null} unless it converged.
	 */
	static final class Bfgs {

		private static final int MAX_ITERATIONS = 500;

		/** Converged when every log-parameter derivative is below this fraction of |LL| (at least 1e-9). */
		private static final double GRADIENT_TOLERANCE = 1e-9;

		private Bfgs() {
		}

		static Maximum maximise(WithGradient f, double[] start) {
			int n = start.length;
			int[] evaluations = { 0 };
			double[] theta = new double[n];
			for (int i = 0; i < n; i++) {
				theta[i] = Math.log(start[i]);
			}
			double[] g = new double[n];
			double value = evaluate(f, theta, g, evaluations);
			if (!Double.isFinite(value)) {
				return null;
			}
			double[][] h = identity(n);
			for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
				if (converged(g, value)) {
					double[] p = new double[n];
					for (int i = 0; i < n; i++) {
						p[i] = Math.exp(theta[i]);
					}
					return new Maximum(p, -value, evaluations[0]);
				}
				double[] d = new double[n];
				double slope = 0;
				for (int i = 0; i < n; i++) {
					for (int j = 0; j < n; j++) {
						d[i] -= h[i][j] * g[j];
					}
					slope += d[i] * g[i];
				}
				if (!(slope < 0)) {
					// not a descent direction: start the curvature estimate afresh
					h = identity(n);
					for (int i = 0; i < n; i++) {
						d[i] = -g[i];
					}
					slope = -dot(g, g);
				}
				// no step of more than e^5 in any parameter at once
				double longest = 0;
				for (double di : d) {
					longest = Math.max(longest, Math.abs(di));
				}
				double step = Math.min(1, 5 / longest);
				double[] next = new double[n];
				double[] nextG = new double[n];
				double nextValue = Double.NaN;
				boolean accepted = false;
				for (int k = 0; k < 60; k++) {
					for (int i = 0; i < n; i++) {
						next[i] = theta[i] + step * d[i];
					}
					nextValue = evaluate(f, next, nextG, evaluations);
					if (Double.isFinite(nextValue) && nextValue <= value + 1e-4 * step * slope) {
						accepted = true;
						break;
					}
					step /= 2;
				}
				if (!accepted) {
					return null;
				}
				double[] s = new double[n];
				double[] y = new double[n];
				for (int i = 0; i < n; i++) {
					s[i] = next[i] - theta[i];
					y[i] = nextG[i] - g[i];
				}
				double sy = dot(s, y);
				if (sy > 1e-12 * Math.sqrt(dot(s, s) * dot(y, y))) {
					if (iteration == 0) {
						// scale the first estimate to the observed curvature (Nocedal & Wright, eq. 6.20)
						double scale = sy / dot(y, y);
						for (int i = 0; i < n; i++) {
							h[i][i] = scale;
						}
					}
					h = update(h, s, y, sy);
				}
				theta = next;
				g = nextG;
				value = nextValue;
			}
			return null;
		}

		private static boolean converged(double[] g, double value) {
			double tolerance = GRADIENT_TOLERANCE * Math.max(1, Math.abs(value));
			for (double gi : g) {
				if (!(Math.abs(gi) <= tolerance)) {
					return false;
				}
			}
			return true;
		}

		/** {@code -LL} and its gradient by θ; {@code +Infinity} outside the parameter space. */
		private static double evaluate(WithGradient f, double[] theta, double[] g, int[] evaluations) {
			evaluations[0]++;
			int n = theta.length;
			double[] p = new double[n];
			for (int i = 0; i < n; i++) {
				if (!(Math.abs(theta[i]) <= LIMIT)) {
					return Double.POSITIVE_INFINITY;
				}
				p[i] = Math.exp(theta[i]);
			}
			double[] gp = new double[n];
			double ll = f.valueAndGradient(p, gp);
			for (int i = 0; i < n; i++) {
				g[i] = -gp[i] * p[i];
				if (!Double.isFinite(g[i])) {
					return Double.POSITIVE_INFINITY;
				}
			}
			return Double.isFinite(ll) ? -ll : Double.POSITIVE_INFINITY;
		}

		/** {@code H+ = (I - ρ s yᵀ) H (I - ρ y sᵀ) + ρ s sᵀ}, {@code ρ = 1 / sᵀy}. */
		private static double[][] update(double[][] h, double[] s, double[] y, double sy) {
			int n = s.length;
			double rho = 1 / sy;
			double[] hy = new double[n];
			for (int i = 0; i < n; i++) {
				for (int j = 0; j < n; j++) {
					hy[i] += h[i][j] * y[j];
				}
			}
			double yhy = dot(y, hy);
			double[][] next = new double[n][n];
			for (int i = 0; i < n; i++) {
				for (int j = 0; j < n; j++) {
					next[i][j] = h[i][j] - rho * (hy[i] * s[j] + s[i] * hy[j]) + (rho * rho * yhy + rho) * s[i] * s[j];
				}
			}
			return next;
		}

		private static double[][] identity(int n) {
			double[][] m = new double[n][n];
			for (int i = 0; i < n; i++) {
				m[i][i] = 1;
			}
			return m;
		}

		private static double dot(double[] a, double[] b) {
			double sum = 0;
			for (int i = 0; i < a.length; i++) {
				sum += a[i] * b[i];
			}
			return sum;
		}

	}

}
