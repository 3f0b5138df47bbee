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

}
