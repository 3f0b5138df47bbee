package org.rapport.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;
import org.jsoup.Jsoup;
import org.rapport.platform.Actor;
import org.rapport.platform.RapportException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Mail in and out for the service desk. Out: the outbox's unsent messages go out by SMTP with
 * Rapport's Message-ID (and In-Reply-To the customer's last mail), so answers find their ticket.
 * In: the support mailbox is read over IMAP; a new mail opens a ticket for the sender's contact
 * (created if unknown), an answer joins its ticket (by the Message-IDs it refers to or the
 * {@code [T-123]} in its subject), bounces and auto-replies open nothing, and HTML is reduced to
 * plain text. Both run as cluster-safe jobs ({@code internal.MailJobs}) when mail is enabled.
 */
@Service
public class ServiceMailbox {

	private static final Logger log = LoggerFactory.getLogger(ServiceMailbox.class);

	private final JdbcClient jdbc;

	private final TicketManagement tickets;

	private final Clock clock;

	ServiceMailbox(JdbcClient jdbc, TicketManagement tickets, Clock clock) {
		this.jdbc = jdbc;
		this.tickets = tickets;
		this.clock = clock;
	}

	/**
	 * What one mailbox read did.
	 *
	 * @param read messages read
	 * @param opened tickets opened
	 * @param threaded answers added to tickets
	 * @param ignored bounces, auto-replies and unreadable mail
	 */
	public record MailboxResult(int read, int opened, int threaded, int ignored) {
	}

	/** Sends the outbox's unsent mail (at most {@code limit}); how many went out. */
	public int sendPending(ServiceSettings.Mail mail, int limit) {
		record Out(long id, Long ticketId, String to, String subject, String body, String messageId) {
		}
		List<Out> pending = jdbc.sql("""
				select id, ticket_id, to_address, subject, body, message_id from service_outbox
				where sent_at is null and attempts < 10 order by id limit ?""")
			.param(limit)
			.query((rs, i) -> new Out(rs.getLong(1), TicketManagement.longOrNull(rs, "ticket_id"), rs.getString(3),
					rs.getString(4), rs.getString(5), rs.getString(6)))
			.list();
		if (pending.isEmpty()) {
			return 0;
		}
		Properties props = new Properties();
		props.put("mail.smtp.host", mail.smtpHost());
		props.put("mail.smtp.port", Integer.toString(mail.smtpPort()));
		props.put("mail.smtp.connectiontimeout", "10000");
		props.put("mail.smtp.timeout", "10000");
		if (mail.smtpUser() != null && !mail.smtpUser().isBlank()) {
			props.put("mail.smtp.auth", "true");
		}
		Session session = Session.getInstance(props);
		int sent = 0;
		try (Transport transport = session.getTransport("smtp")) {
			transport.connect(mail.smtpHost(), mail.smtpPort(), blankToNull(mail.smtpUser()), blankToNull(mail.smtpPassword()));
			for (Out o : pending) {
				// claim the row first: two nodes never send the same message
				int claimed = jdbc.sql("update service_outbox set attempts = attempts + 1 where id = ? and sent_at is null")
					.param(o.id()).update();
				if (claimed == 0) {
					continue;
				}
				try {
					MimeMessage m = new MimeMessage(session) {
						@Override
						protected void updateMessageID() throws MessagingException {
							setHeader("Message-ID", o.messageId());
						}
					};
					m.setFrom(new InternetAddress(mail.from()));
					m.setRecipients(Message.RecipientType.TO, InternetAddress.parse(o.to()));
					m.setSubject(o.subject(), "UTF-8");
					m.setText(o.body(), "UTF-8");
					if (o.ticketId() != null) {
						Optional<String> answered = tickets.lastCustomerMessageId(o.ticketId());
						if (answered.isPresent()) {
							m.setHeader("In-Reply-To", answered.get());
							m.setHeader("References", answered.get());
						}
					}
					m.saveChanges();
					transport.sendMessage(m, m.getAllRecipients());
					jdbc.sql("update service_outbox set sent_at = ?, last_error = null where id = ?")
						.params(Timestamp.from(clock.instant()), o.id()).update();
					sent++;
				}
				catch (MessagingException ex) {
					log.warn("Mail {} to the customer not sent: {}", o.id(), ex.getMessage());
					jdbc.sql("update service_outbox set last_error = ? where id = ?")
						.params(String.valueOf(ex.getMessage()), o.id()).update();
				}
			}
		}
		catch (MessagingException ex) {
			log.warn("SMTP server {}:{} not reachable: {}", mail.smtpHost(), mail.smtpPort(), ex.getMessage());
		}
		return sent;
	}

	/** Reads the support mailbox's unseen mail and marks it seen. */
	public MailboxResult readMailbox(ServiceSettings.Mail mail) {
		Properties props = new Properties();
		props.put("mail.imap.connectiontimeout", "10000");
		props.put("mail.imap.timeout", "10000");
		Session session = Session.getInstance(props);
		int read = 0;
		int opened = 0;
		int threaded = 0;
		int ignored = 0;
		try (Store store = session.getStore("imap")) {
			store.connect(mail.imapHost(), mail.imapPort(), mail.imapUser(), mail.imapPassword());
			Folder folder = store.getFolder(mail.imapFolder());
			folder.open(Folder.READ_WRITE);
			try {
				for (Message m : folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false))) {
					read++;
					try {
						switch (handle((MimeMessage) m)) {
							case OPENED -> opened++;
							case THREADED -> threaded++;
							default -> ignored++;
						}
					}
					catch (MessagingException | IOException | RapportException ex) {
						ignored++;
						log.warn("Support mail not taken in: {}", ex.getMessage());
					}
					m.setFlag(Flags.Flag.SEEN, true);
				}
			}
			finally {
				folder.close(false);
			}
		}
		catch (MessagingException ex) {
			log.warn("Support mailbox {}:{} not readable: {}", mail.imapHost(), mail.imapPort(), ex.getMessage());
		}
		return new MailboxResult(read, opened, threaded, ignored);
	}

	enum Outcome {

		OPENED, THREADED, IGNORED

	}

	Outcome handle(MimeMessage m) throws MessagingException, IOException {
		if (isAutomatic(m)) {
			return Outcome.IGNORED;
		}
		Address[] from = m.getFrom();
		if (from == null || from.length == 0 || !(from[0] instanceof InternetAddress sender)
				|| sender.getAddress() == null) {
			return Outcome.IGNORED;
		}
		String email = sender.getAddress().toLowerCase(Locale.ROOT);
		String subject = m.getSubject();
		String text = clean(textOf(m));
		String messageId = m.getMessageID();
		if (messageId == null || messageId.isBlank()) {
			messageId = "<sha256." + sha256(email + "\n" + subject + "\n" + text) + "@rapport>";
		}
		List<String> refs = new ArrayList<>();
		for (String header : new String[] { "In-Reply-To", "References" }) {
			String[] values = m.getHeader(header);
			if (values != null) {
				for (String v : values) {
					for (String id : v.split("\\s+")) {
						if (!id.isBlank()) {
							refs.add(id.strip());
						}
					}
				}
			}
		}
		Optional<Long> ticket = tickets.ticketForMail(refs, subject);
		String id = messageId;
		if (ticket.isPresent()) {
			tickets.customerMessage(ticket.get(), email, text.isBlank() ? "(empty)" : text, id);
			return Outcome.THREADED;
		}
		Optional<TicketView> created = Actor.callAs(Actor.SYSTEM,
				() -> tickets.openFromMail(email, sender.getPersonal(), subject, text, id));
		return created.isPresent() ? Outcome.OPENED : Outcome.IGNORED;
	}

	/**
	 * Bounces, vacation and other automatic replies (RFC 3834 Auto-Submitted, X-Autoreply and
	 * friends, Precedence bulk/junk/list/auto_reply, delivery reports, MAILER-DAEMON and postmaster
	 * senders, an empty Return-Path).
	 */
	static boolean isAutomatic(MimeMessage m) throws MessagingException {
		String auto = first(m, "Auto-Submitted");
		if (auto != null && !auto.strip().equalsIgnoreCase("no")) {
			return true;
		}
		if (first(m, "X-Autoreply") != null || first(m, "X-Autorespond") != null || first(m, "X-Autoresponder") != null
				|| first(m, "X-Auto-Response-Suppress") != null && first(m, "X-Auto-Response-Suppress").toLowerCase(Locale.ROOT).contains("all")) {
			return true;
		}
		String precedence = first(m, "Precedence");
		if (precedence != null && List.of("bulk", "junk", "list", "auto_reply").contains(precedence.strip().toLowerCase(Locale.ROOT))) {
			return true;
		}
		String returnPath = first(m, "Return-Path");
		if (returnPath != null && returnPath.replaceAll("[<>\\s]", "").isEmpty()) {
			return true;
		}
		String type = m.getContentType();
		if (type != null && type.toLowerCase(Locale.ROOT).contains("multipart/report")) {
			return true;
		}
		Address[] from = m.getFrom();
		if (from != null && from.length > 0 && from[0] instanceof InternetAddress a && a.getAddress() != null) {
			String local = a.getAddress().toLowerCase(Locale.ROOT);
			return local.startsWith("mailer-daemon@") || local.startsWith("postmaster@") || local.equals("mailer-daemon");
		}
		return false;
	}

	private static String first(MimeMessage m, String header) throws MessagingException {
		String[] values = m.getHeader(header);
		return values == null || values.length == 0 ? null : values[0];
	}

	/** The plain text of a mail: its text/plain part, else its HTML reduced to text (scripts and markup gone). */
	static String textOf(Part part) throws MessagingException, IOException {
		if (part.isMimeType("text/plain")) {
			return String.valueOf(part.getContent());
		}
		if (part.isMimeType("text/html")) {
			return htmlToText(String.valueOf(part.getContent()));
		}
		if (part.isMimeType("multipart/*")) {
			Multipart mp = (Multipart) part.getContent();
			String html = null;
			for (int i = 0; i < mp.getCount(); i++) {
				BodyPart bp = mp.getBodyPart(i);
				if (Part.ATTACHMENT.equalsIgnoreCase(bp.getDisposition())) {
					continue;
				}
				if (bp.isMimeType("text/plain")) {
					return String.valueOf(bp.getContent());
				}
				if (bp.isMimeType("text/html") && html == null) {
					html = htmlToText(String.valueOf(bp.getContent()));
				}
				if (bp.isMimeType("multipart/*")) {
					String inner = textOf(bp);
					if (!inner.isBlank()) {
						return inner;
					}
				}
			}
			return html == null ? "" : html;
		}
		return "";
	}

	/** HTML to plain text: no element, attribute or script survives; line breaks stay. */
	static String htmlToText(String html) {
		var doc = Jsoup.parse(html);
		doc.select("script, style, head, iframe, object, embed").remove();
		doc.select("br").append("\\n");
		doc.select("p, div, li, tr, h1, h2, h3, h4, h5, h6").prepend("\\n");
		return doc.body() == null ? "" : doc.body().wholeText().replace("\\n", "\n").replaceAll("\n{3,}", "\n\n").strip();
	}

	/** Keeps line breaks and tabs, drops other control characters, and caps the length. */
	static String clean(String text) {
		if (text == null) {
			return "";
		}
		String t = text.replace("\r\n", "\n").replace('\r', '\n').replaceAll("[\\p{Cntrl}&&[^\\n\\t]]", "").strip();
		return t.codePointCount(0, t.length()) > 20000 ? t.substring(0, t.offsetByCodePoints(0, 19999)) + "…" : t;
	}

	private static String sha256(String s) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s;
	}

}
