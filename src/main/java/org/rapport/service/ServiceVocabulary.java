package org.rapport.service;

import java.util.List;

/** The fixed code lists of the service module; labels live in the message bundles ({@code ticket.status.open}…). */
public final class ServiceVocabulary {

	private ServiceVocabulary() {
	}

	public static final List<String> STATUSES = List.of("new", "open", "pending_customer", "resolved", "closed");

	/** Statuses of tickets still being worked (in an inbox and the backlog). */
	public static final List<String> UNRESOLVED = List.of("new", "open", "pending_customer");

	public static final List<String> PRIORITIES = List.of("low", "normal", "high", "urgent");

	public static final List<String> CHANNELS = List.of("email", "phone", "web", "chat", "social");

	public static final List<String> TYPES = List.of("question", "problem", "complaint", "feature_request");

	public static final List<String> SEVERITIES = List.of("minor", "moderate", "major", "critical");

	public static final List<String> ASSIGNMENT = List.of("none", "round-robin", "fewest-open");

	/** The one step higher priority, for escalation; urgent stays urgent. */
	public static String raised(String priority) {
		int i = PRIORITIES.indexOf(priority);
		return PRIORITIES.get(Math.min(i + 1, PRIORITIES.size() - 1));
	}

	/**
	 * Which status changes are allowed: a new ticket is opened, waits on the customer or is resolved; a
	 * resolved one is closed or reopened; closed is final.
	 */
	public static boolean canMove(String from, String to) {
		if (from.equals(to)) {
			return true;
		}
		return switch (from) {
			case "new" -> List.of("open", "pending_customer", "resolved").contains(to);
			case "open" -> List.of("pending_customer", "resolved").contains(to);
			case "pending_customer" -> List.of("open", "resolved").contains(to);
			case "resolved" -> List.of("open", "closed").contains(to);
			default -> false;
		};
	}

}
