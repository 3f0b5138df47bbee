package org.rapport.customers;

import java.util.List;
import java.util.Map;

/**
 * Everything a user sets on an account. Text is kept exactly as given.
 *
 * @param name company name (required)
 * @param industry industry
 * @param size employee band, one of {@link Vocabulary#ACCOUNT_SIZES}
 * @param website web address
 * @param phone switchboard number
 * @param street street address
 * @param city city
 * @param region state or province
 * @param postalCode postal code
 * @param country country
 * @param ownerId owning user; the creator when {@code null} on create
 * @param tags free tags
 * @param customFields values of admin-defined fields by key
 */
public record AccountFields(String name, String industry, String size, String website, String phone, String street,
		String city, String region, String postalCode, String country, Long ownerId, List<String> tags,
		Map<String, Object> customFields) {

	public AccountFields {
		tags = tags == null ? List.of() : List.copyOf(tags);
		customFields = customFields == null ? Map.of() : Map.copyOf(customFields);
	}

	public static AccountFields named(String name) {
		return new AccountFields(name, null, null, null, null, null, null, null, null, null, null, null, null);
	}

}
