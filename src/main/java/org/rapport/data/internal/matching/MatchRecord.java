package org.rapport.data.internal.matching;

/**
 * What duplicate detection compares of a person or organisation: every field optional, values as
 * they were entered (the detector normalises them).
 *
 * @param key the record's identity in the caller's world (a database id, a file row)
 * @param givenName given name(s), Latin or Chinese
 * @param familyName family name, Latin or Chinese
 * @param fullName a whole name in one field when given and family are not separate ("张伟", "Wei Zhang")
 * @param organisation company name (for accounts, or a contact's employer)
 * @param email e-mail address
 * @param phone phone number in any format
 * @param street street line including the house number
 * @param street2 second address line (building, locality)
 * @param city city or suburb
 * @param postcode postcode
 * @param region state or province
 * @param birthDate date of birth as digits (yyyyMMdd) or any text
 * @param identifier an external identifier of the person (customer number, tax or social security id)
 */
public record MatchRecord(String key, String givenName, String familyName, String fullName, String organisation,
		String email, String phone, String street, String street2, String city, String postcode, String region,
		String birthDate, String identifier) {

	public static Builder builder(String key) {
		return new Builder(key);
	}

	/** Fluent construction, since most records carry only a few of the fields. */
	public static final class Builder {

		private final String key;

		private String givenName, familyName, fullName, organisation, email, phone, street, street2, city, postcode,
				region, birthDate, identifier;

		private Builder(String key) {
			this.key = key;
		}

		public Builder givenName(String v) { this.givenName = v; return this; }
		public Builder familyName(String v) { this.familyName = v; return this; }
		public Builder fullName(String v) { this.fullName = v; return this; }
		public Builder organisation(String v) { this.organisation = v; return this; }
		public Builder email(String v) { this.email = v; return this; }
		public Builder phone(String v) { this.phone = v; return this; }
		public Builder street(String v) { this.street = v; return this; }
		public Builder street2(String v) { this.street2 = v; return this; }
		public Builder city(String v) { this.city = v; return this; }
		public Builder postcode(String v) { this.postcode = v; return this; }
		public Builder region(String v) { this.region = v; return this; }
		public Builder birthDate(String v) { this.birthDate = v; return this; }
		public Builder identifier(String v) { this.identifier = v; return this; }

		public MatchRecord build() {
			return new MatchRecord(key, givenName, familyName, fullName, organisation, email, phone, street, street2,
					city, postcode, region, birthDate, identifier);
		}

	}

}
