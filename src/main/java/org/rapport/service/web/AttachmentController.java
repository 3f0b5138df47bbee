package org.rapport.service.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.rapport.platform.InvalidInput;
import org.rapport.service.AttachmentView;
import org.rapport.service.TicketAttachments;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Ticket attachments over REST and for the ticket page: uploaded as multipart {@code file}, handed out
 * only as {@code application/octet-stream} downloads with {@code Content-Disposition: attachment},
 * {@code X-Content-Type-Options: nosniff} and a sandboxing content security policy.
 */
@RestController
@Tag(name = "Tickets")
class AttachmentController {

	private final TicketAttachments attachments;

	AttachmentController(TicketAttachments attachments) {
		this.attachments = attachments;
	}

	@PostMapping(path = { "/api/v1/tickets/{id}/attachments", "/tickets/{id}/attachments" }, consumes = "multipart/form-data")
	@Operation(summary = "Attach a file (multipart field \"file\")", description = "Documents and images only; size limit "
			+ "rapport.service.max-attachment-bytes (10 MiB by default): 413 above, 415 for other types")
	ResponseEntity<?> upload(@PathVariable long id, @RequestParam(value = "file", required = false) MultipartFile file,
			@org.springframework.web.bind.annotation.RequestHeader(value = "Accept", required = false) String accept)
			throws IOException {
		if (file == null) {
			throw InvalidInput.of("file", "required", "A file in the multipart field \"file\"");
		}
		AttachmentView a = attachments.attach(id, file.getOriginalFilename(), file.getContentType(), file.getBytes());
		if (accept != null && accept.contains("text/html")) {
			return ResponseEntity.status(HttpStatus.SEE_OTHER).header(HttpHeaders.LOCATION, "/tickets/" + id).build();
		}
		return ResponseEntity.status(HttpStatus.CREATED).body(a);
	}

	@GetMapping("/api/v1/tickets/{id}/attachments")
	@Operation(summary = "A ticket's attachments")
	Map<String, List<AttachmentView>> list(@PathVariable long id) {
		return Map.of("items", attachments.list(id));
	}

	@GetMapping({ "/api/v1/tickets/{id}/attachments/{attachmentId}", "/tickets/{id}/attachments/{attachmentId}" })
	@Operation(summary = "Download an attachment")
	ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long attachmentId) {
		TicketAttachments.Download d = attachments.download(id, attachmentId);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_OCTET_STREAM)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(d.view().fileName(), StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.header("Content-Security-Policy", "sandbox; default-src 'none'")
			.contentLength(d.data().length)
			.body(d.data());
	}

}
