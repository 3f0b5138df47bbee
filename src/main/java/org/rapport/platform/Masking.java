package org.rapport.platform;

/**
 * How personal contact data is shown to those who may not read it in full (analysts) and in the
 * audit trail: enough to recognise a value, not enough to use it.
 */
public final class Masking {

	private Masking() {
	}

	/** {@code jane.doe@example.com} becomes {@code j***@example.com}. */
	public static String email(String email) {
		if (email == null || email.isEmpty()) {
			return email;
		}
		int at = email.lastIndexOf('@');
		if (at <= 0) {
			return "***";
		}
		return email.substring(0, email.offsetByCodePoints(0, 1)) + "***" + email.substring(at);
	}

	/** Keeps the last two digits only: {@code +86 138 0013 8000} becomes {@code ***00}. */
	public static String phone(String phone) {
		if (phone == null || phone.isEmpty()) {
			return phone;
		}
		String digits = phone.replaceAll("\\D", "");
		return "***" + (digits.length() > 4 ? digits.substring(digits.length() - 2) : "");
	}

	/**
	 * A masked value for the audit trail: the mask plus a short fingerprint of the whole value, so a
	 * reader sees that an e-mail changed from one address to another even when both mask alike
	 * ({@code j***@example.com #4f1a2c → j***@example.com #9b03de}), without seeing either.
	 */
	public static java.util.function.UnaryOperator<String> forAudit(java.util.function.UnaryOperator<String> mask) {
		return value -> value == null || value.isEmpty() ? value : mask.apply(value) + " #" + fingerprint(value);
	}

	static String fingerprint(String value) {
		try {
			byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
				.digest(("rapport-audit:" + value.strip().toLowerCase(java.util.Locale.ROOT))
					.getBytes(java.nio.charset.StandardCharsets.UTF_8));
			return java.util.HexFormat.of().formatHex(digest, 0, 3);
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Keeps the first character of free text such as a street: {@code 1 Main St} becomes {@code 1***}. */
	public static String text(String text) {
		if (text == null || text.isEmpty()) {
			return text;
		}
		return text.substring(0, text.offsetByCodePoints(0, 1)) + "***";
	}

}
