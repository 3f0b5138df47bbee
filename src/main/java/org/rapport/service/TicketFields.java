package org.rapport.service;

import java.util.List;

/**
 * Everything a user sets on a ticket (the status moves through {@link TicketManagement#update}).
 *
 * @param subject what it is about (required)
 * @param description the customer's words
 * @param contactId the customer
 * @param accountId the customer's company; the contact's when {@code null}
 * @param channel email, phone, web, chat or social
 * @param category free category (billing, login…)
 * @param type question, problem, complaint or feature_request
 * @param priority low, normal, high or urgent
 * @param queueId the queue; the first queue when {@code null}
 * @param assigneeId the agent; chosen by the queue's assignment rule when {@code null}
 * @param tags free tags
 * @param severity complaints: minor, moderate, major or critical
 * @param rootCause complaints: root-cause category
 */
public record TicketFields(String subject, String description, Long contactId, Long accountId, String channel,
		String category, String type, String priority, Long queueId, Long assigneeId, List<String> tags,
		String severity, String rootCause) {

	public TicketFields {
		tags = tags == null ? List.of() : List.copyOf(tags);
	}

}
