package org.rapport.customers;

import java.util.Map;

/**
 * A contact list request: search, filters, sort and keyset position.
 *
 * @param q search text: any part of a name (Chinese or pinyin too), e-mail, company; or phone digits
 * @param ownerId only this owner's
 * @param accountId only this account's
 * @param lifecycleStage only this stage
 * @param tag only with this tag
 * @param custom custom field filters, key to value
 * @param sort name, -name, createdAt, -createdAt, updatedAt or -updatedAt
 * @param limit page size, 1 to 200 (25 by default)
 * @param cursor position from the previous page's {@code nextCursor}
 */
public record ContactQuery(String q, Long ownerId, Long accountId, String lifecycleStage, String tag,
		Map<String, String> custom, String sort, Integer limit, String cursor) {

	public ContactQuery {
		custom = custom == null ? Map.of() : Map.copyOf(custom);
	}

	public static ContactQuery search(String q) {
		return new ContactQuery(q, null, null, null, null, null, null, null, null);
	}

}
