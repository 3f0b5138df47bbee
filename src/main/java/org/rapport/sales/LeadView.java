package org.rapport.sales;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A lead as its readers see it.
 *
 * @param id id
 * @param firstName given name
 * @param lastName family name
 * @param displayName name as written (family name first for Chinese names)
 * @param email e-mail (masked for analysts)
 * @param phone phone (masked for analysts)
 * @param company company
 * @param title title
 * @param website website
 * @param city city
 * @param country country
 * @param source source
 * @param status new, working, qualified, disqualified or converted
 * @param disqualifyReason reason
 * @param notes notes
 * @param ownerId owner
 * @param ownerName owner's name
 * @param convertedAt when converted
 * @param convertedContactId contact it became
 * @param convertedAccountId account it became or joined
 * @param convertedDealId deal created on conversion
 * @param createdAt created
 * @param updatedAt updated
 * @param version optimistic lock version, the ETag
 */
public record LeadView(long id, String firstName, String lastName, String displayName, String email, String phone,
		String company, String title, String website, String city, String country, String source, String status,
		String disqualifyReason, String notes, long ownerId, String ownerName, Instant convertedAt,
		Long convertedContactId, Long convertedAccountId, Long convertedDealId, Instant createdAt, Instant updatedAt,
		long version) implements org.rapport.platform.access.RecordAccess.Owned {

	@JsonIgnore
	public LeadFields fields() {
		return new LeadFields(firstName, lastName, email, phone, company, title, website, city, country, source, status,
				disqualifyReason, notes, ownerId);
	}

}
