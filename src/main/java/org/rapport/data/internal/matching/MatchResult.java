package org.rapport.data.internal.matching;

import java.util.List;

/**
 * The verdict on one pair of records: a score from 0 (certainly different) to 1 (certainly the same)
 * and the reasons, as stable codes the UI translates ({@code same-email}, {@code nickname}, …).
 */
public record MatchResult(double score, List<String> reasons) {

	public MatchResult {
		reasons = List.copyOf(reasons);
	}

}
