package org.rapport.platform;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An opaque keyset position: the sort key and id of the last row of a page, base64url-encoded so
 * that clients treat it as a token.
 *
 * @param sort the sort the cursor was made for (a cursor is refused under another sort)
 * @param key the sort column's value of the last row, as text ({@code null} for SQL NULL)
 * @param id the last row's id
 */
public record Cursor(String sort, String key, long id) {

	private static final Pattern SEPARATOR = Pattern.compile("\u001f");

	public String encode() {
		String raw = String.join("\u001f", List.of(sort, key == null ? "\u0000" : key, Long.toString(id)));
		return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
	}

	/** Decodes a cursor made for {@code expectedSort}; a forged or mismatched one is a 400 on {@code cursor}. */
	public static Cursor decode(String token, String expectedSort) {
		try {
			String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
			String[] parts = SEPARATOR.split(raw, -1);
			if (parts.length != 3 || !parts[0].equals(expectedSort)) {
				throw new IllegalArgumentException("cursor of another sort");
			}
			return new Cursor(parts[0], "\u0000".equals(parts[1]) ? null : parts[1], Long.parseLong(parts[2]));
		}
		catch (IllegalArgumentException ex) {
			throw InvalidInput.of("cursor", "invalid", "Not a cursor of this list; start again without it");
		}
	}

}
