package org.rapport.sales;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A deal as its readers see it.
 *
 * @param id id
 * @param name name
 * @param pipelineId pipeline
 * @param pipelineName pipeline name
 * @param stageId stage
 * @param stage stage key
 * @param stageName stage name
 * @param outcome open, won or lost
 * @param accountId account
 * @param accountName account name (when visible)
 * @param amount amount
 * @param currency currency
 * @param weightedAmount amount × probability, rounded to the currency
 * @param expectedCloseDate expected close
 * @param probability probability in percent
 * @param ownerId owner
 * @param ownerName owner name
 * @param nextStep next step
 * @param lostReason lost reason
 * @param contacts people involved
 * @param sourceLeadId the lead it was converted from
 * @param closedAt when it was won or lost
 * @param stageChangedAt when it entered its stage
 * @param createdAt created
 * @param updatedAt updated
 * @param version optimistic lock version, the ETag
 */
public record DealView(long id, String name, long pipelineId, String pipelineName, long stageId, String stage,
		String stageName, String outcome, Long accountId, String accountName, BigDecimal amount, String currency,
		BigDecimal weightedAmount, LocalDate expectedCloseDate, int probability, long ownerId, String ownerName,
		String nextStep, String lostReason, List<DealFields.DealContact> contacts, Long sourceLeadId, Instant closedAt,
		Instant stageChangedAt, Instant createdAt, Instant updatedAt, long version) {

	@JsonIgnore
	public DealFields fields() {
		return new DealFields(name, pipelineId, Long.toString(stageId), accountId, amount, currency, expectedCloseDate,
				probability, ownerId, nextStep, lostReason, contacts);
	}

}
