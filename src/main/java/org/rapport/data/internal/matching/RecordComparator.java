package org.rapport.data.internal.matching;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Scores a pair of prepared records in the manner of Fellegi and Sunter: each field present on both
 * sides adds a weight (about log2 of how much likelier the observed agreement or disagreement is
 * among true duplicates than among different people); a missing value adds nothing. String fields
 * are compared with Jaro-Winkler and their weight moves linearly from the disagreement to the
 * agreement weight between a low and a high similarity. The sum maps to a score in 0–1 with a
 * logistic curve centred on {@link #BIAS}, so 0.5 is the point where the evidence balances.
 *
 * <p>Names alone never make a duplicate: unless one piece of identifying evidence besides the name
 * agrees (e-mail, phone, date of birth, identifier, street address, or the organisation for
 * records without a person's name), the score is capped below 0.5 with the reason
 * {@code name-only}. Two different "John Smith"s are therefore not proposed as one.
 */
final class RecordComparator {

	/** Sum of weights at which the score is 0.5. */
	static final double BIAS = 8.0;

	/** Highest score for a pair with nothing but the name in common. */
	static final double NAME_ONLY_CAP = 0.45;

	private static final LevenshteinDistance LEV = new LevenshteinDistance(3);

	MatchResult compare(PreparedRecord a, PreparedRecord b) {
		return compare(a, b, 0);
	}

	/**
	 * The pair's score, or {@code null} when it certainly stays below {@code threshold}: judged after
	 * the names from the fields compared by equality and the most the others could add, so the costly
	 * string comparisons of organisation and address are skipped for most pairs of a large block
	 * (namesakes with different e-mails and phones). A pair that may reach the threshold is scored in
	 * full, exactly as without a threshold.
	 */
	MatchResult compare(PreparedRecord a, PreparedRecord b, double threshold) {
		List<String> reasons = new ArrayList<>();
		double total = 0;
		double evidence = 0;

		total += names(a, b, reasons);
		if (threshold > 0 && surelyBelow(a, b, total, threshold)) {
			return null;
		}

		if (both(a.organisation, b.organisation)) {
			double s = a.organisation.equals(b.organisation) ? 1 : JaroWinkler.similarity(a.organisation, b.organisation);
			// an organisation's name is its identity; a person's employer is only a hint
			boolean organisations = !a.hasName() && !b.hasName();
			double w = ramp(s, 0.75, 0.93, -1.5, organisations ? 6.5 : 2);
			total += w;
			if (s >= 0.93) {
				reasons.add(a.organisation.equals(b.organisation) ? "same-organisation" : "similar-organisation");
				if (organisations) {
					evidence += w;
				}
			}
		}
		if (both(a.email, b.email)) {
			if (a.email.equals(b.email)) {
				total += 9;
				evidence += 9;
				reasons.add("same-email");
			}
			else {
				total -= 2;
			}
		}
		if (both(a.phone, b.phone)) {
			if (a.phone.equals(b.phone)) {
				total += 8;
				evidence += 8;
				reasons.add("same-phone");
			}
			else {
				total -= 2;
			}
		}
		if (both(a.birthDate, b.birthDate)) {
			double w;
			if (a.birthDate.equals(b.birthDate)) {
				w = 5;
				reasons.add("same-birth-date");
			}
			else if (nearlySameDate(a.birthDate, b.birthDate)) {
				w = 1.5;
				reasons.add("similar-birth-date");
			}
			else {
				w = -4;
			}
			total += w;
			evidence += Math.max(0, w);
		}
		if (both(a.identifier, b.identifier)) {
			double w;
			if (a.identifier.equals(b.identifier)) {
				w = 8;
				reasons.add("same-identifier");
			}
			else if (a.identifier.length() >= 5 && distance(a.identifier, b.identifier) == 1) {
				w = 3;
				reasons.add("similar-identifier");
			}
			else {
				w = -4;
			}
			total += w;
			evidence += Math.max(0, w);
		}
		if (both(a.street, b.street)) {
			double s = JaroWinkler.similarity(a.street, b.street);
			double w = ramp(s, 0.7, 0.92, -1.5, 3.5);
			total += w;
			if (s >= 0.92) {
				evidence += w;
				reasons.add("similar-address");
			}
		}
		if (both(a.street2, b.street2)) {
			total += ramp(JaroWinkler.similarity(a.street2, b.street2), 0.7, 0.92, -0.5, 1.5);
		}
		if (both(a.city, b.city)) {
			double s = JaroWinkler.similarity(a.city, b.city);
			total += ramp(s, 0.75, 0.92, -1, 2.5);
			if (s >= 0.92) {
				reasons.add("same-city");
			}
		}
		if (both(a.postcode, b.postcode)) {
			if (a.postcode.equals(b.postcode)) {
				total += 2.5;
				reasons.add("same-postcode");
			}
			else {
				total += distance(a.postcode, b.postcode) == 1 ? 0.5 : -1.5;
			}
		}
		if (both(a.region, b.region)) {
			total += a.region.equals(b.region) ? 0.5 : -1;
		}

		double score = 1 / (1 + Math.pow(2, -(total - BIAS)));
		if (evidence < 3 && score > NAME_ONLY_CAP) {
			score = NAME_ONLY_CAP;
			reasons.add("name-only");
		}
		return new MatchResult(Math.round(score * 1000) / 1000.0, reasons);
	}

	/** Whether the score stays below the threshold whatever the fields not compared by equality give. */
	private static boolean surelyBelow(PreparedRecord a, PreparedRecord b, double names, double threshold) {
		double total = names;
		double evidence = 0;
		if (both(a.email, b.email)) {
			boolean same = a.email.equals(b.email);
			total += same ? 9 : -2;
			evidence += same ? 9 : 0;
		}
		if (both(a.phone, b.phone)) {
			boolean same = a.phone.equals(b.phone);
			total += same ? 8 : -2;
			evidence += same ? 8 : 0;
		}
		if (both(a.postcode, b.postcode)) {
			total += a.postcode.equals(b.postcode) ? 2.5 : 0.5;
		}
		if (both(a.region, b.region)) {
			total += a.region.equals(b.region) ? 0.5 : -1;
		}
		// at most what the remaining fields can add
		if (both(a.organisation, b.organisation)) {
			boolean organisations = !a.hasName() && !b.hasName();
			total += organisations ? 6.5 : 2;
			evidence += organisations ? 6.5 : 0;
		}
		if (both(a.birthDate, b.birthDate)) {
			total += 5;
			evidence += 5;
		}
		if (both(a.identifier, b.identifier)) {
			total += 8;
			evidence += 8;
		}
		if (both(a.street, b.street)) {
			total += 3.5;
			evidence += 3.5;
		}
		if (both(a.street2, b.street2)) {
			total += 1.5;
		}
		if (both(a.city, b.city)) {
			total += 2.5;
		}
		double score = 1 / (1 + Math.pow(2, -(total - BIAS)));
		if (evidence < 3) {
			score = Math.min(score, NAME_ONLY_CAP);
		}
		// the score is rounded to three decimals: a margin keeps a rounded-up pair from being lost
		return score + 0.001 < threshold;
	}

	/** Weight of the names: given and family compared straight and crossed, the better kept. */
	private double names(PreparedRecord a, PreparedRecord b, List<String> reasons) {
		List<String> straightReasons = new ArrayList<>();
		double straight = given(a, b, straightReasons) + family(a.family, b.family, straightReasons);
		double crossed = Double.NEGATIVE_INFINITY;
		List<String> crossedReasons = new ArrayList<>();
		if (!a.given.isEmpty() && !b.family.isEmpty() && !a.family.isEmpty() && !b.given.isEmpty()) {
			crossed = family(a.given, b.family, crossedReasons) + family(a.family, b.given, crossedReasons) - 0.5;
			crossedReasons.add("name-order-swapped");
		}
		if (crossed > straight) {
			reasons.addAll(crossedReasons);
			if (a.han != b.han) {
				reasons.add("pinyin");
			}
			return crossed;
		}
		reasons.addAll(straightReasons);
		if (a.han != b.han && straight > 0) {
			reasons.add("pinyin");
		}
		return straight;
	}

	private static double given(PreparedRecord a, PreparedRecord b, List<String> reasons) {
		if (!both(a.given, b.given)) {
			return 0;
		}
		if (a.given.equals(b.given)) {
			reasons.add("same-given-name");
			return 3;
		}
		if (Nicknames.same(a.givenFirst, b.givenFirst)) {
			reasons.add("nickname");
			return 2.5;
		}
		if ((a.given.length() == 1 || b.given.length() == 1) && a.given.charAt(0) == b.given.charAt(0)) {
			return 1;
		}
		double s = JaroWinkler.similarity(a.given, b.given);
		if (s >= 0.9) {
			reasons.add("similar-given-name");
		}
		return ramp(s, 0.7, 0.92, -2.5, 3);
	}

	private static double family(String a, String b, List<String> reasons) {
		if (!both(a, b)) {
			return 0;
		}
		if (a.equals(b)) {
			reasons.add("same-family-name");
			return 4;
		}
		double s = JaroWinkler.similarity(a, b);
		if (s >= 0.9) {
			reasons.add("similar-family-name");
		}
		return ramp(s, 0.7, 0.92, -3, 4);
	}

	/** One typo, or day and month swapped. */
	private static boolean nearlySameDate(String a, String b) {
		if (a.length() == 8 && b.length() == 8 && a.substring(0, 4).equals(b.substring(0, 4))
				&& a.substring(4, 6).equals(b.substring(6, 8)) && a.substring(6, 8).equals(b.substring(4, 6))) {
			return true;
		}
		return distance(a, b) == 1 || (a.length() == b.length() && transposed(a, b));
	}

	private static boolean transposed(String a, String b) {
		int first = -1;
		int diffs = 0;
		for (int i = 0; i < a.length(); i++) {
			if (a.charAt(i) != b.charAt(i)) {
				if (++diffs > 2) {
					return false;
				}
				if (first < 0) {
					first = i;
				}
			}
		}
		return diffs == 2 && first + 1 < a.length() && a.charAt(first) == b.charAt(first + 1)
				&& a.charAt(first + 1) == b.charAt(first);
	}

	private static int distance(String a, String b) {
		int d = LEV.apply(a, b);
		return d < 0 ? Integer.MAX_VALUE : d;
	}

	private static boolean both(String a, String b) {
		return !a.isEmpty() && !b.isEmpty();
	}

	/** Linear from {@code low} weight at similarity {@code lo} to {@code high} weight at {@code hi}. */
	private static double ramp(double similarity, double lo, double hi, double low, double high) {
		if (similarity >= hi) {
			return high;
		}
		if (similarity <= lo) {
			return low;
		}
		return low + (high - low) * (similarity - lo) / (hi - lo);
	}

}
