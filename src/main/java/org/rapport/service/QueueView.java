package org.rapport.service;

/**
 * A ticket queue of one team.
 *
 * @param id id
 * @param name name
 * @param teamId the team whose agents work it
 * @param teamName its name
 * @param leadUserId the queue lead (escalations go to them)
 * @param leadName their name
 * @param assignment none, round-robin or fewest-open
 * @param version optimistic lock version
 */
public record QueueView(long id, String name, Long teamId, String teamName, Long leadUserId, String leadName,
		String assignment, long version) {
}
