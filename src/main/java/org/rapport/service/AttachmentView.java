package org.rapport.service;

import java.time.Instant;

/**
 * A file attached to a ticket (the bytes are read separately, as a download).
 *
 * @param id id
 * @param ticketId the ticket
 * @param fileName the name it was uploaded with
 * @param contentType the declared type (never used to serve it)
 * @param sizeBytes size
 * @param sha256 checksum
 * @param createdAt uploaded
 */
public record AttachmentView(long id, long ticketId, String fileName, String contentType, long sizeBytes, String sha256,
		Instant createdAt) {
}
