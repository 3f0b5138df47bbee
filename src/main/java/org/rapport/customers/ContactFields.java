package org.rapport.customers;

import java.util.List;
import java.util.Map;

/**
 * Everything a user sets on a contact. Text is kept exactly as given.
 *
 * @param firstName given name
 * @param lastName family name; Chinese names are shown family name first (张 + 伟 = 张伟)
 * @param title job title
 * @param emails e-mail addresses, the first being the primary one
 * @param phones phone numbers, the first being the primary one
 * @param accountId the contact's company
 * @param street street address
 * @param city city
 * @param region region
 * @param postalCode postal code
 * @param country country
 * @param lifecycleStage one of {@link Vocabulary#LIFECYCLE_STAGES}
 * @param source where the contact came from
 * @param ownerId owning user; the creator when {@code null} on create
 * @param tags free tags
 * @param customFields values of admin-defined fields by key
 */
public record ContactFields(String firstName, String lastName, String title, List<String> emails, List<String> phones,
		Long accountId, String street, String city, String region, String postalCode, String country,
		String lifecycleStage, String source, Long ownerId, List<String> tags, Map<String, Object> customFields) {

	public ContactFields {
		emails = emails == null ? List.of() : List.copyOf(emails);
		phones = phones == null ? List.of() : List.copyOf(phones);
		tags = tags == null ? List.of() : List.copyOf(tags);
		customFields = customFields == null ? Map.of() : Map.copyOf(customFields);
	}

	public static ContactFields named(String firstName, String lastName) {
		return new ContactFields(firstName, lastName, null, null, null, null, null, null, null, null, null, null, null,
				null, null, null);
	}

}
