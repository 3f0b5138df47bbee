package org.rapport.platform.text;

import java.util.ArrayList;
import java.util.List;

import org.rapport.platform.data.SqlQuery;

/**
 * The search columns of a record, computed from its fields: normalised text (names, e-mails,
 * company, pinyin), grams for CJK and one- or two-letter queries, and phone digits.
 *
 * @param sortName normalised display name, for sorting
 * @param searchText trigram-indexed text
 * @param grams GIN-indexed grams
 * @param phoneDigits digits of the phone numbers
 */
public record Indexing(String sortName, String searchText, String[] grams, String phoneDigits) {

	public static Indexing ofContact(String displayName, String firstName, String lastName, List<String> emails,
			List<String> phones, String company) {
		List<String> parts = new ArrayList<>();
		parts.add(displayName);
		parts.add(firstName);
		parts.add(lastName);
		parts.addAll(emails);
		parts.add(company);
		parts.add(SearchText.pinyin((lastName == null ? "" : lastName) + (firstName == null ? "" : firstName)));
		parts.add(SearchText.pinyin(company));
		return of(displayName, parts, phones);
	}

	public static Indexing ofAccount(String name, String website, String phone) {
		List<String> parts = new ArrayList<>();
		parts.add(name);
		parts.add(website);
		parts.add(SearchText.pinyin(name));
		return of(name, parts, phone == null ? List.of() : List.of(phone));
	}

	private static Indexing of(String name, List<String> parts, List<String> phones) {
		StringBuilder text = new StringBuilder();
		for (String part : parts) {
			String n = SearchText.normalize(part);
			if (!n.isEmpty()) {
				text.append(text.isEmpty() ? "" : " | ").append(n);
			}
		}
		String searchText = text.toString();
		return new Indexing(SearchText.normalize(name), searchText, SearchText.grams(searchText).toArray(String[]::new),
				SearchText.digits(phones));
	}

	/** Adds the conditions matching a user's query to {@code q}, for a table aliased {@code alias}. */
	public static void match(String alias, String query, SqlQuery q) {
		if (query == null || query.isBlank()) {
			return;
		}
		if (SearchText.isPhoneQuery(query)) {
			String like = q.param("%" + query.replaceAll("\\D", "") + "%");
			q.and("(" + alias + ".phone_digits like " + like + " or " + alias + ".search_text like " + like + ")");
			return;
		}
		for (String term : SearchText.normalize(query).split(" ")) {
			if (term.isEmpty()) {
				continue;
			}
			List<String> grams = SearchText.queryGrams(term);
			if (!grams.isEmpty()) {
				q.and(alias + ".search_grams @> cast(" + q.param(grams.toArray(String[]::new)) + " as text[])");
			}
			if (SearchText.containsCjk(term) || grams.isEmpty()) {
				q.and(alias + ".search_text like " + q.param("%" + SearchText.likeLiteral(term) + "%"));
			}
		}
	}

}
