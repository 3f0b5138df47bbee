package org.rapport.analytics.clv;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The 2F1 series against closed forms, near z = 1, with huge values and with signed terms. */
class HypergeometricUnitTests {

	@Test
	void matchesTheLogarithmClosedForm() {
		// 2F1(1, 1; 2; z) = -ln(1 - z) / z
		for (double z : new double[] { 1e-6, 0.1, 0.5, 0.9, 0.99, 0.999 }) {
			assertThat(Hypergeometric.hyp2f1(1, 1, 2, z)).as("z=%s", z)
				.isCloseTo(-Math.log1p(-z) / z, within(1e-12 * -Math.log1p(-z) / z));
		}
	}

	@Test
	void matchesTheBinomialClosedFormInLogScaleBeyondTheRangeOfADouble() {
		// 2F1(a, b; b; z) = (1 - z)^-a; with a = 2000 and z = 0.5 that is 2^2000, past Double.MAX_VALUE
		assertThat(Hypergeometric.log2F1(0.7, 3, 3, 0.3)).isCloseTo(-0.7 * Math.log(0.7), within(1e-14));
		assertThat(Hypergeometric.log2F1(2000, 5, 5, 0.5)).isCloseTo(2000 * Math.log(2), within(1e-9));
	}

	@Test
	void matchesTheArcsineClosedForm() {
		// 2F1(1/2, 1/2; 3/2; z^2) = arcsin(z) / z
		for (double z : new double[] { 0.2, 0.7, 0.95 }) {
			assertThat(Hypergeometric.hyp2f1(0.5, 0.5, 1.5, z * z)).isCloseTo(Math.asin(z) / z, within(1e-12));
		}
	}

	@Test
	void handlesNegativeParametersAndPolynomials() {
		// a = -2: the polynomial 1 + (-2)(b)/c z + (-2)(-1) b (b + 1) / (c (c + 1) 2) z^2
		double b = 1.5;
		double c = 2.5;
		double z = 0.4;
		double polynomial = 1 - 2 * b / c * z + b * (b + 1) / (c * (c + 1)) * z * z;
		assertThat(Hypergeometric.hyp2f1(-2, b, c, z)).isCloseTo(polynomial, within(1e-15));
		// c < 0 (not an integer): by Gauss' contiguous relation c(c-1)(z-1) F(c-1) + c[c-1-(2c-a-b-1)z] F(c)
		// + (c-a)(c-b) z F(c+1) = 0, checked around c = -0.3
		double a = 0.8;
		double bb = 1.3;
		double cc = -0.3;
		double lhs = cc * (cc - 1) * (z - 1) * Hypergeometric.hyp2f1(a, bb, cc - 1, z)
				+ cc * (cc - 1 - (2 * cc - a - bb - 1) * z) * Hypergeometric.hyp2f1(a, bb, cc, z)
				+ (cc - a) * (cc - bb) * z * Hypergeometric.hyp2f1(a, bb, cc + 1, z);
		assertThat(lhs).isCloseTo(0, within(1e-10));
	}

	@Test
	void refusesArgumentsOutsideItsDomain() {
		assertThatThrownBy(() -> Hypergeometric.hyp2f1(1, 1, 2, 1)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> Hypergeometric.hyp2f1(1, 1, -2, 0.5)).isInstanceOf(ArithmeticException.class);
		assertThatThrownBy(() -> Hypergeometric.log2F1(-1, 1, 2, 0.5)).isInstanceOf(IllegalArgumentException.class);
	}

}
