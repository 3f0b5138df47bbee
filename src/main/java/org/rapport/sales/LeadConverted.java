package org.rapport.sales;

/**
 * Published when a lead became a contact (and account, and maybe a deal).
 *
 * @param leadId the lead
 * @param contactId the contact
 * @param accountId the account
 * @param dealId the deal, if any
 */
public record LeadConverted(long leadId, long contactId, long accountId, Long dealId) {
}
