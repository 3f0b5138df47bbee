package org.rapport.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.rapport.customers.ContactManagement;
import org.rapport.customers.ContactView;
import org.rapport.platform.Actor;
import org.rapport.platform.AuditTrail;
import org.rapport.platform.AuditTrail.AuditEvent;
import org.rapport.platform.AuditTrail.FieldChange;
import org.rapport.platform.InvalidInput;
import org.rapport.platform.NotPermitted;
import org.rapport.platform.RapportException;
import org.rapport.platform.RapportException.FieldProblem;
import org.rapport.platform.RecordNotFound;
import org.rapport.platform.Role;
import org.rapport.platform.TextRules;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * CSAT surveys (1–5 and a comment) sent when a ticket is resolved, and NPS surveys (0–10 and a
 * comment) sent to a list of contacts. Each goes out as a link with a 256-bit random token of which
 * only a SHA-256 is stored; the link works once and until it expires. Answers attach to the contact
 * and (CSAT) the ticket.
 */
@Service
public class SurveyManagement {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final ContactManagement contacts;

	private final Outbox outbox;

	private final AuditTrail audit;

	private final ServiceSettings settings;

	private final Clock clock;

	SurveyManagement(JdbcClient jdbc, ContactManagement contacts, Outbox outbox, AuditTrail audit,
			ServiceSettings settings, Clock clock) {
		this.jdbc = jdbc;
		this.contacts = contacts;
		this.outbox = outbox;
		this.audit = audit;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * A survey as the public page shows it: what is asked, nothing about the customer or ticket.
	 *
	 * @param kind csat or nps
	 * @param subject the ticket's subject (CSAT) or the campaign name (NPS)
	 */
	public record OpenSurvey(String kind, String subject) {
	}

	/**
	 * A survey as agents see it.
	 *
	 * @param id id
	 * @param kind csat or nps
	 * @param ticketId ticket
	 * @param contactId contact
	 * @param campaign NPS campaign name
	 * @param createdAt sent
	 * @param expiresAt link valid until
	 * @param answeredAt answered
	 * @param score score
	 * @param comment comment
	 */
	public record SurveyView(long id, String kind, Long ticketId, Long contactId, String campaign, Instant createdAt,
			Instant expiresAt, Instant answeredAt, Integer score, String comment) {
	}

	/** The link is no longer valid (used or expired): 410, the same answer for both. */
	public static class SurveyGone extends RapportException {

		public SurveyGone() {
			super(HttpStatus.GONE, "survey-gone", "This survey link is no longer valid");
		}

	}

	/** Issues the CSAT survey of a just-resolved ticket to its contact's e-mail (when there is one). */
	Optional<Long> issueCsat(long ticketId, String reference, String subject, Long contactId) {
		if (contactId == null) {
			return Optional.empty();
		}
		boolean pending = jdbc.sql("""
				select exists (select 1 from surveys where ticket_id = ? and kind = 'csat' and answered_at is null
				  and expires_at > ?)""")
			.params(ticketId, Timestamp.from(clock.instant()))
			.query(Boolean.class)
			.single();
		if (pending) {
			return Optional.empty();
		}
		return emailOf(contactId).map(email -> {
			String token = newToken();
			long id = insert("csat", ticketId, contactId, null, token);
			outbox.queue(ticketId, reference, email, "[" + reference + "] How did we do? / 您对我们的服务满意吗？",
					"Your request \"" + subject + "\" was resolved. Please rate our help from 1 to 5:\n"
							+ link(token) + "\n\n您的请求已解决。请为我们的服务打分（1–5）：\n" + link(token) + "\n");
			return id;
		});
	}

	/** Sends an NPS survey to each contact with an e-mail address; how many were sent. */
	@Transactional
	public int sendNps(String campaign, List<Long> contactIds) {
		Actor actor = Actor.current();
		if (!(actor.isAdmin() || actor.role() == Role.MANAGER || actor.role() == Role.MARKETER)) {
			throw new NotPermitted("send-surveys");
		}
		List<FieldProblem> problems = new ArrayList<>();
		TextRules.check("campaign", campaign, 200, false, problems);
		if (TextRules.isBlank(campaign)) {
			problems.add(new FieldProblem("campaign", "required", "Required"));
		}
		if (contactIds == null || contactIds.isEmpty() || contactIds.size() > 10_000) {
			problems.add(new FieldProblem("contactIds", "out-of-range", "From 1 to 10000 contacts"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		var visible = contacts.visibleNames(contactIds);
		for (int i = 0; i < contactIds.size(); i++) {
			if (!visible.containsKey(contactIds.get(i))) {
				problems.add(new FieldProblem("contactIds[" + i + "]", "unknown-contact", "No such contact"));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		int sent = 0;
		for (Long contactId : new java.util.LinkedHashSet<>(contactIds)) {
			Optional<String> email = emailOf(contactId);
			if (email.isEmpty()) {
				continue;
			}
			String token = newToken();
			insert("nps", null, contactId, campaign, token);
			outbox.queue(null, null, email.get(), campaign,
					"How likely are you to recommend us to a friend or colleague (0–10)?\n" + link(token)
							+ "\n\n您有多大可能向朋友或同事推荐我们（0–10）？\n" + link(token) + "\n");
			sent++;
		}
		audit.record(new AuditEvent("send", "nps-survey", campaign, campaign,
				List.of(new FieldChange("recipients", null, Integer.toString(sent)))));
		return sent;
	}

	/** What the public link shows; 404 for an unknown token, 410 for a used or expired one. */
	@Transactional(readOnly = true)
	public OpenSurvey open(String token) {
		Row row = byToken(token);
		if (row.answeredAt() != null || !row.expiresAt().isAfter(clock.instant())) {
			throw new SurveyGone();
		}
		String subject = "nps".equals(row.kind()) ? row.campaign()
				: jdbc.sql("select subject from tickets where id = ?").param(row.ticketId()).query(String.class).optional().orElse("");
		return new OpenSurvey(row.kind(), subject);
	}

	/** Records the answer once; a second use or an expired link answers 410, an unknown one 404. */
	@Transactional
	public void answer(String token, Integer score, String comment) {
		Row row = byToken(token);
		Instant now = clock.instant();
		if (row.answeredAt() != null || !row.expiresAt().isAfter(now)) {
			throw new SurveyGone();
		}
		List<FieldProblem> problems = new ArrayList<>();
		int max = "csat".equals(row.kind()) ? 5 : 10;
		int min = "csat".equals(row.kind()) ? 1 : 0;
		if (score == null || score < min || score > max) {
			problems.add(new FieldProblem("score", "out-of-range", "From " + min + " to " + max));
		}
		TextRules.check("comment", comment, 4000, true, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		int updated = jdbc.sql("""
				update surveys set answered_at = ?, score = ?, comment = ?
				where id = ? and answered_at is null and expires_at > ?""")
			.params(Timestamp.from(now), score, TextRules.isBlank(comment) ? null : comment, row.id(), Timestamp.from(now))
			.update();
		if (updated == 0) {
			throw new SurveyGone();
		}
		Actor.runAs(Actor.SYSTEM, () -> audit.record(new AuditEvent("answer", row.kind() + "-survey",
				Long.toString(row.id()), row.ticketId() == null ? "contact " + row.contactId() : "ticket " + row.ticketId(),
				List.of(new FieldChange("score", null, Integer.toString(score))))));
	}

	/**
	 * Records an answer given outside Rapport's link (a migration from another system, demo data):
	 * admins and the system only, audited as an import.
	 */
	@Transactional
	public void importCsatAnswer(long ticketId, Long contactId, int score, String comment) {
		if (!Actor.current().isAdmin()) {
			throw new NotPermitted("import-surveys");
		}
		if (score < 1 || score > 5) {
			throw InvalidInput.of("score", "out-of-range", "From 1 to 5");
		}
		Instant now = clock.instant();
		long id = jdbc.sql("""
				insert into surveys (kind, ticket_id, contact_id, token_hash, created_at, expires_at, answered_at, score, comment)
				values ('csat', ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(ticketId, contactId, hash(newToken()), Timestamp.from(now), Timestamp.from(now), Timestamp.from(now), score,
					comment)
			.query(Long.class)
			.single();
		audit.record(new AuditEvent("import", "csat-survey", Long.toString(id), "ticket " + ticketId,
				List.of(new FieldChange("score", null, Integer.toString(score)))));
	}

	/** Surveys of a ticket; the caller has checked that the actor sees the ticket. */
	List<SurveyView> ofTicket(long ticketId) {
		return jdbc.sql("select * from surveys where ticket_id = ? order by created_at").param(ticketId)
			.query((rs, i) -> view(rs)).list();
	}

	/** Answered surveys of a contact, newest first (those who see the contact). */
	@Transactional(readOnly = true)
	public List<SurveyView> answeredByContact(long contactId) {
		contacts.get(contactId);
		return jdbc.sql("select * from surveys where contact_id = ? and answered_at is not null order by answered_at desc limit 50")
			.param(contactId)
			.query((rs, i) -> view(rs))
			.list();
	}

	private static SurveyView view(java.sql.ResultSet rs) throws java.sql.SQLException {
		long t = rs.getLong("ticket_id");
		Long ticket = rs.wasNull() ? null : t;
		long c = rs.getLong("contact_id");
		Long contact = rs.wasNull() ? null : c;
		int s = rs.getInt("score");
		Integer score = rs.wasNull() ? null : s;
		Timestamp answered = rs.getTimestamp("answered_at");
		return new SurveyView(rs.getLong("id"), rs.getString("kind"), ticket, contact, rs.getString("campaign"),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("expires_at").toInstant(),
				answered == null ? null : answered.toInstant(), score, rs.getString("comment"));
	}

	private record Row(long id, String kind, Long ticketId, Long contactId, String campaign, Instant expiresAt,
			Instant answeredAt) {
	}

	private Row byToken(String token) {
		if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) {
			throw new RecordNotFound("survey", 0);
		}
		return jdbc.sql("select * from surveys where token_hash = ?")
			.param(hash(token))
			.query((rs, i) -> {
				SurveyView v = view(rs);
				return new Row(v.id(), v.kind(), v.ticketId(), v.contactId(), v.campaign(), v.expiresAt(), v.answeredAt());
			})
			.optional()
			.orElseThrow(() -> new RecordNotFound("survey", 0));
	}

	private long insert(String kind, Long ticketId, Long contactId, String campaign, String token) {
		Instant now = clock.instant();
		return jdbc.sql("""
				insert into surveys (kind, ticket_id, contact_id, campaign, token_hash, created_at, expires_at)
				values (?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(kind, ticketId, contactId, campaign, hash(token), Timestamp.from(now),
					Timestamp.from(now.plus(Duration.ofDays(settings.surveyValidDays()))))
			.query(Long.class)
			.single();
	}

	private Optional<String> emailOf(long contactId) {
		return Actor.callAs(Actor.SYSTEM, () -> contacts.findVisible(contactId))
			.map(ContactView::email)
			.filter(e -> e != null && !e.isBlank());
	}

	String link(String token) {
		return settings.publicUrl() + "/forms/survey/" + token;
	}

	/** 256 random bits, URL-safe (43 characters). */
	static String newToken() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static String hash(String token) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
