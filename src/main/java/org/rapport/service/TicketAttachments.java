package org.rapport.service;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.rapport.platform.Actor;
import org.rapport.platform.AuditTrail;
import org.rapport.platform.AuditTrail.AuditEvent;
import org.rapport.platform.AuditTrail.FieldChange;
import org.rapport.platform.InvalidInput;
import org.rapport.platform.NotPermitted;
import org.rapport.platform.RapportException;
import org.rapport.platform.RecordNotFound;
import org.rapport.platform.TextRules;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Files on tickets, kept in the database: limited in size and to document and image types by
 * extension, and only ever handed out as downloads (never rendered by the browser).
 */
@Service
public class TicketAttachments {

	/** Extensions accepted; no HTML, SVG, scripts or programs. */
	public static final Set<String> EXTENSIONS = Set.of("pdf", "png", "jpg", "jpeg", "gif", "webp", "txt", "csv", "log",
			"zip", "docx", "xlsx", "pptx", "odt", "ods", "odp", "eml", "doc", "xls", "rtf");

	private final JdbcClient jdbc;

	private final TicketManagement tickets;

	private final AuditTrail audit;

	private final ServiceSettings settings;

	private final Clock clock;

	TicketAttachments(JdbcClient jdbc, TicketManagement tickets, AuditTrail audit, ServiceSettings settings, Clock clock) {
		this.jdbc = jdbc;
		this.tickets = tickets;
		this.audit = audit;
		this.settings = settings;
		this.clock = clock;
	}

	/** The file is larger than allowed: 413. */
	public static class AttachmentTooLarge extends RapportException {

		public AttachmentTooLarge(long max) {
			super(HttpStatus.CONTENT_TOO_LARGE, "attachment-too-large", "At most " + max + " bytes", max);
		}

	}

	/** The file's type is not accepted: 415. */
	public static class AttachmentTypeRefused extends RapportException {

		public AttachmentTypeRefused() {
			super(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "attachment-type", "Accepted: " + String.join(", ",
					new java.util.TreeSet<>(EXTENSIONS)));
		}

	}

	/**
	 * A file's bytes for download.
	 *
	 * @param view its description
	 * @param data its bytes
	 */
	public record Download(AttachmentView view, byte[] data) {
	}

	@Transactional
	public AttachmentView attach(long ticketId, String fileName, String contentType, byte[] data) {
		TicketView t = tickets.get(ticketId);
		if (!tickets.canEdit(t)) {
			throw new NotPermitted("edit-ticket");
		}
		if (fileName == null || fileName.isBlank() || !TextRules.check("file", fileName, 200, false, new java.util.ArrayList<>())) {
			throw InvalidInput.of("file", "invalid-name", "A file name of at most 200 characters");
		}
		String name = fileName.replaceAll(".*[/\\\\]", "");
		if (data == null || data.length == 0) {
			throw InvalidInput.of("file", "empty", "The file is empty");
		}
		if (data.length > settings.maxAttachmentBytes()) {
			throw new AttachmentTooLarge(settings.maxAttachmentBytes());
		}
		int dot = name.lastIndexOf('.');
		String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
		if (!EXTENSIONS.contains(ext)) {
			throw new AttachmentTypeRefused();
		}
		String type = contentType == null || contentType.isBlank() || contentType.length() > 100
				? "application/octet-stream" : contentType;
		String sha = sha256(data);
		long id = jdbc.sql("""
				insert into ticket_attachments (ticket_id, file_name, content_type, size_bytes, sha256, data, created_by, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(ticketId, name, type, data.length, sha, data, Actor.current().id(), Timestamp.from(clock.instant()))
			.query(Long.class)
			.single();
		audit.record(new AuditEvent("attach", "ticket", Long.toString(ticketId), t.reference(),
				List.of(new FieldChange("attachment", null, name + " (" + data.length + " bytes)"))));
		return list(ticketId).stream().filter(a -> a.id() == id).findFirst().orElseThrow();
	}

	@Transactional(readOnly = true)
	public List<AttachmentView> list(long ticketId) {
		tickets.get(ticketId);
		return jdbc.sql("""
				select id, ticket_id, file_name, content_type, size_bytes, sha256, created_at from ticket_attachments
				where ticket_id = ? order by id""")
			.param(ticketId)
			.query((rs, i) -> new AttachmentView(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
					rs.getLong(5), rs.getString(6), rs.getTimestamp(7).toInstant()))
			.list();
	}

	@Transactional(readOnly = true)
	public Download download(long ticketId, long attachmentId) {
		AttachmentView view = list(ticketId).stream().filter(a -> a.id() == attachmentId).findFirst()
			.orElseThrow(() -> new RecordNotFound("attachment", attachmentId));
		byte[] data = jdbc.sql("select data from ticket_attachments where id = ?").param(attachmentId)
			.query((rs, i) -> rs.getBytes(1)).single();
		return new Download(view, data);
	}

	private static String sha256(byte[] data) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
