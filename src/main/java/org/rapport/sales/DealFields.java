package org.rapport.sales;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything a user sets on a deal.
 *
 * @param name what is being sold to whom (required)
 * @param pipelineId the pipeline; the default one when {@code null}
 * @param stage stage id, key ({@code proposal}) or name; the pipeline's first stage when {@code null}
 * @param accountId the customer account
 * @param amount expected revenue, ≥ 0
 * @param currency ISO currency of the amount; the corporate currency when {@code null}
 * @param expectedCloseDate when the deal should close
 * @param probability win probability in percent; the stage's default when {@code null}
 * @param ownerId owner; the creator when {@code null}
 * @param nextStep what happens next
 * @param lostReason why it was lost
 * @param contacts people involved and their roles
 */
public record DealFields(String name, Long pipelineId, String stage, Long accountId, BigDecimal amount,
		String currency, LocalDate expectedCloseDate, Integer probability, Long ownerId, String nextStep,
		String lostReason, List<DealContact> contacts) {

	public DealFields {
		contacts = contacts == null ? List.of() : List.copyOf(contacts);
	}

	/**
	 * A person on a deal.
	 *
	 * @param contactId the contact
	 * @param role e.g. decision maker, champion, technical buyer
	 * @param name the contact's name (read only)
	 */
	public record DealContact(long contactId, String role, String name) {
	}

}
