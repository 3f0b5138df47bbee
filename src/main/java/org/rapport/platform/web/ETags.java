package org.rapport.platform.web;

import org.rapport.platform.InvalidInput;
import org.rapport.platform.VersionRequired;

/**
 * Record versions as HTTP entity tags: a read answers {@code ETag: "7"}, a change must send
 * {@code If-Match: "7"}; a stale one gets 412, a missing one 428.
 */
public final class ETags {

	private ETags() {
	}

	public static String of(long version) {
		return "\"" + version + "\"";
	}

	/** The version an {@code If-Match} header names; required. */
	public static long required(String ifMatch) {
		if (ifMatch == null || ifMatch.isBlank()) {
			throw new VersionRequired();
		}
		return parse(ifMatch);
	}

	/** The version an {@code If-Match} header names, or {@code null} when absent or {@code *}. */
	public static Long optional(String ifMatch) {
		if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
			return null;
		}
		return parse(ifMatch);
	}

	private static long parse(String ifMatch) {
		String tag = ifMatch.strip();
		if (tag.startsWith("W/")) {
			tag = tag.substring(2);
		}
		if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
			tag = tag.substring(1, tag.length() - 1);
		}
		try {
			return Long.parseLong(tag);
		}
		catch (NumberFormatException ex) {
			throw InvalidInput.of("If-Match", "invalid", "Must be the ETag of the record as read, e.g. \"3\"");
		}
	}

}
