package org.rapport.sales;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * How to convert a lead. Existing records are used only when chosen: Rapport proposes matches
 * ({@link LeadManagement#matches}) and the user picks.
 *
 * @param contactId use this existing contact instead of creating one
 * @param accountId use this existing account instead of creating one
 * @param createDeal also open a deal
 * @param dealName the deal's name (default: company — lead name)
 * @param amount the deal's amount
 * @param currency the deal's currency
 * @param pipelineId the deal's pipeline
 * @param stage the deal's stage
 * @param expectedCloseDate the deal's expected close date
 */
public record LeadConversion(Long contactId, Long accountId, boolean createDeal, String dealName, BigDecimal amount,
		String currency, Long pipelineId, String stage, LocalDate expectedCloseDate) {

	/**
	 * The records a conversion produced.
	 *
	 * @param leadId the lead
	 * @param contactId the contact (new or chosen)
	 * @param accountId the account (new or chosen)
	 * @param dealId the new deal, if one was asked for
	 * @param createdContact whether the contact is new
	 * @param createdAccount whether the account is new
	 */
	public record Result(long leadId, long contactId, long accountId, Long dealId, boolean createdContact,
			boolean createdAccount) {
	}

}
