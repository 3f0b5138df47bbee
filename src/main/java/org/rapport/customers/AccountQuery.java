package org.rapport.customers;

import java.util.Map;

/**
 * An account list request: search, filters, sort and keyset position.
 *
 * @param q search text: any part of the name (Chinese or pinyin too), website; or phone digits
 * @param ownerId only this owner's
 * @param industry only this industry
 * @param tag only with this tag
 * @param custom custom field filters, key to value
 * @param sort name, -name, createdAt, -createdAt, updatedAt or -updatedAt
 * @param limit page size, 1 to 200 (25 by default)
 * @param cursor position from the previous page's {@code nextCursor}
 */
public record AccountQuery(String q, Long ownerId, String industry, String tag, Map<String, String> custom, String sort,
		Integer limit, String cursor) {

	public AccountQuery {
		custom = custom == null ? Map.of() : Map.copyOf(custom);
	}

	public static AccountQuery search(String q) {
		return new AccountQuery(q, null, null, null, null, null, null, null);
	}

}
