package org.rapport.data.internal.matching;

import java.util.List;

/** Two records the detector proposes as one: their keys, the score and the reasons. */
public record Candidate(String left, String right, double score, List<String> reasons) {

	public Candidate {
		reasons = List.copyOf(reasons);
	}

}
