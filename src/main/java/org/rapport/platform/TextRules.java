package org.rapport.platform;

import java.util.List;

import org.rapport.platform.RapportException.FieldProblem;

/**
 * What free text Rapport stores: kept exactly as given (never trimmed or rewritten), within a
 * length, without control characters (PostgreSQL cannot store NUL, and no name holds a bell) and
 * without broken UTF-16. Multi-line text may hold line breaks and tabs.
 */
public final class TextRules {

	private TextRules() {
	}

	/** Adds a problem for {@code field} when the text breaks a rule; {@code null} passes. */
	public static boolean check(String field, String text, int maxLength, boolean multiline, List<FieldProblem> problems) {
		if (text == null) {
			return true;
		}
		if (text.codePointCount(0, text.length()) > maxLength) {
			problems.add(new FieldProblem(field, "too-long", "At most " + maxLength + " characters"));
			return false;
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			boolean allowedControl = multiline && (c == '\n' || c == '\r' || c == '\t');
			boolean brokenSurrogate = Character.isSurrogate(c) && !(Character.isHighSurrogate(c)
					&& i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1)));
			if ((Character.isISOControl(c) && !allowedControl) || brokenSurrogate) {
				problems.add(new FieldProblem(field, "invalid-characters", "Contains control or invalid characters"));
				return false;
			}
			if (Character.isHighSurrogate(c)) {
				i++;
			}
		}
		return true;
	}

	public static boolean isBlank(String text) {
		return text == null || text.isBlank();
	}

}
