package org.rapport.customers;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A contact as its readers see it; e-mails and phones are masked for analysts.
 *
 * @param id id
 * @param firstName given name
 * @param lastName family name
 * @param displayName the name as people write it (family name first for Chinese names)
 * @param title job title
 * @param email primary e-mail
 * @param emails all e-mails
 * @param phone primary phone
 * @param phones all phones
 * @param accountId company
 * @param accountName company name
 * @param street street
 * @param city city
 * @param region region
 * @param postalCode postal code
 * @param country country
 * @param lifecycleStage lifecycle stage
 * @param source source
 * @param ownerId owner
 * @param ownerName owner's display name
 * @param tags tags
 * @param customFields custom field values by key
 * @param createdAt created
 * @param updatedAt last changed
 * @param version optimistic lock version, the ETag
 */
public record ContactView(long id, String firstName, String lastName, String displayName, String title, String email,
		List<String> emails, String phone, List<String> phones, Long accountId, String accountName, String street,
		String city, String region, String postalCode, String country, String lifecycleStage, String source,
		long ownerId, String ownerName, List<String> tags, Map<String, Object> customFields, Instant createdAt,
		Instant updatedAt, long version) implements org.rapport.platform.access.RecordAccess.Owned {

	@JsonIgnore
	public ContactFields fields() {
		return new ContactFields(firstName, lastName, title, emails, phones, accountId, street, city, region,
				postalCode, country, lifecycleStage, source, ownerId, tags, customFields);
	}

}
