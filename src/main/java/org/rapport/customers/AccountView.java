package org.rapport.customers;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * An account as its readers see it.
 *
 * @param id id
 * @param name company name
 * @param industry industry
 * @param size employee band
 * @param website web address
 * @param phone phone (masked for analysts)
 * @param street street
 * @param city city
 * @param region region
 * @param postalCode postal code
 * @param country country
 * @param ownerId owning user
 * @param ownerName owner's display name
 * @param tags tags
 * @param customFields custom field values by key
 * @param contactCount number of contacts at the account
 * @param createdAt created
 * @param updatedAt last changed
 * @param version optimistic lock version, the ETag
 */
public record AccountView(long id, String name, String industry, String size, String website, String phone,
		String street, String city, String region, String postalCode, String country, long ownerId, String ownerName,
		List<String> tags, Map<String, Object> customFields, long contactCount, Instant createdAt, Instant updatedAt,
		long version) implements org.rapport.platform.access.RecordAccess.Owned {

	@JsonIgnore
	public AccountFields fields() {
		return new AccountFields(name, industry, size, website, phone, street, city, region, postalCode, country,
				ownerId, tags, customFields);
	}

}
