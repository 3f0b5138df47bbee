package org.rapport.data.internal.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;

import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.junit.jupiter.api.Test;

class JaroWinklerUnitTests {

	private static final JaroWinklerSimilarity LIBRARY = new JaroWinklerSimilarity();

	@Test
	void givesTheLibrarysValuesOnNamesAndRandomStrings() {
		List<String[]> known = List.of(new String[] { "martha", "marhta" }, new String[] { "dixon", "dicksonx" },
				new String[] { "frog", "fog" }, new String[] { "hello", "hallo" }, new String[] { "fly", "ant" },
				new String[] { "elephant", "hippo" }, new String[] { "", "a" }, new String[] { "a", "" },
				new String[] { "zhangwei", "weizhang" }, new String[] { "acme", "acmeholdings" });
		for (String[] p : known) {
			assertThat(JaroWinkler.similarity(p[0], p[1])).as(p[0] + " / " + p[1]).isEqualTo(LIBRARY.apply(p[0], p[1]));
		}
		Random random = new Random(5);
		for (int n = 0; n < 200_000; n++) {
			String a = word(random);
			String b = random.nextInt(3) == 0 ? typo(a, random) : word(random);
			assertThat(JaroWinkler.similarity(a, b)).as(a + " / " + b).isEqualTo(LIBRARY.apply(a, b));
		}
	}

	private static String word(Random random) {
		char[] c = new char[random.nextInt(12)];
		for (int i = 0; i < c.length; i++) {
			c[i] = (char) ('a' + random.nextInt(6));
		}
		return new String(c);
	}

	private static String typo(String a, Random random) {
		if (a.length() < 2) {
			return a + "x";
		}
		int at = random.nextInt(a.length() - 1);
		return switch (random.nextInt(3)) {
			case 0 -> a.substring(0, at) + a.charAt(at + 1) + a.charAt(at) + a.substring(at + 2);
			case 1 -> a.substring(0, at) + a.substring(at + 1);
			default -> a.substring(0, at) + "q" + a.substring(at);
		};
	}

}
