package org.rapport.sales;

/**
 * Everything a user sets on a lead.
 *
 * @param firstName given name
 * @param lastName family name
 * @param email e-mail
 * @param phone phone
 * @param company company name as the lead gave it
 * @param title job title
 * @param website company website
 * @param city city
 * @param country country
 * @param source where it came from (web form, event, referral…)
 * @param status new, working, qualified or disqualified
 * @param disqualifyReason why it was disqualified (required then)
 * @param notes free notes
 * @param ownerId owner; assigned by the lead rules when {@code null}
 */
public record LeadFields(String firstName, String lastName, String email, String phone, String company, String title,
		String website, String city, String country, String source, String status, String disqualifyReason,
		String notes, Long ownerId) {
}
