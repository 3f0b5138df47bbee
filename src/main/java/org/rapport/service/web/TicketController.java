package org.rapport.service.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.rapport.platform.Actor;
import org.rapport.platform.AuditTrail;
import org.rapport.platform.InvalidInput;
import org.rapport.platform.StaleVersion;
import org.rapport.platform.StateConflict;
import org.rapport.platform.UserDirectory;
import org.rapport.platform.web.Formats;
import org.rapport.platform.web.Forms;
import org.rapport.platform.web.PageLinks;
import org.rapport.service.QueueManagement;
import org.rapport.service.ServiceVocabulary;
import org.rapport.service.TicketFields;
import org.rapport.service.TicketManagement;
import org.rapport.service.TicketManagement.ReplyInput;
import org.rapport.service.TicketManagement.TicketQuery;
import org.rapport.service.TicketView;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Ticket pages: the agent's inbox (most urgent SLA first) and the ticket list, the ticket page with
 * its SLA clock, thread, reply and note forms and status buttons, and the new-ticket form.
 */
@Controller
class TicketController {

	private final TicketManagement tickets;

	private final org.rapport.service.TicketAttachments attachments;

	private final QueueManagement queues;

	private final UserDirectory users;

	private final AuditTrail audit;

	private final Formats formats;

	private final MessageSource messages;

	private final org.rapport.service.TicketSentiments sentiments;

	TicketController(TicketManagement tickets, org.rapport.service.TicketAttachments attachments, QueueManagement queues, UserDirectory users, AuditTrail audit,
			Formats formats, MessageSource messages, org.rapport.service.TicketSentiments sentiments) {
		this.sentiments = sentiments;
		this.tickets = tickets;
		this.attachments = attachments;
		this.queues = queues;
		this.users = users;
		this.audit = audit;
		this.formats = formats;
		this.messages = messages;
	}

	@GetMapping("/tickets")
	String list(@RequestParam(defaultValue = "inbox") String view, @RequestParam(required = false) String status,
			@RequestParam(required = false) Long queueId, @RequestParam(required = false) String q,
			@RequestParam(required = false) String cursor, @RequestParam Map<String, String> params, Model model) {
		boolean inbox = "inbox".equals(view);
		boolean queue = "queue".equals(view);
		Long assignee = inbox ? Actor.current().id() : null;
		var page = tickets.list(new TicketQuery(inbox || queue, assignee, queueId, blank(status), null, null, null,
				blank(q), 25, blank(cursor)));
		model.addAttribute("page", page);
		model.addAttribute("view", view);
		model.addAttribute("status", status);
		model.addAttribute("queueId", queueId);
		model.addAttribute("q", q);
		model.addAttribute("queues", queues.list());
		model.addAttribute("statuses", ServiceVocabulary.STATUSES);
		model.addAttribute("canCreate", Actor.current().role().editsCustomers());
		model.addAttribute("away", queues.isAway(Actor.current().id()));
		model.addAttribute("notifications", tickets.myNotifications(5));
		model.addAttribute("nextUrl", page.hasNext() ? PageLinks.next("/tickets", params, page.nextCursor()) : null);
		return "service/tickets";
	}

	@PostMapping("/tickets/away")
	String away(@RequestParam(defaultValue = "false") boolean away, RedirectAttributes redirect) {
		queues.setAway(Actor.current().id(), away);
		redirect.addFlashAttribute("flash", away ? "service.awayOn" : "service.awayOff");
		return "redirect:/tickets";
	}

	@GetMapping("/tickets/new")
	String newForm(@RequestParam(required = false) Long contactId, Model model) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("priority", "normal");
		form.put("channel", "phone");
		form.put("type", "question");
		if (contactId != null) {
			form.put("contactId", contactId.toString());
		}
		formModel(model, form, Map.of());
		return "service/ticket-form";
	}

	@PostMapping("/tickets")
	String create(@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
		Forms f = new Forms(params, formats.zone());
		try {
			TicketFields fields = fields(f);
			TicketView t = tickets.create(fields);
			redirect.addFlashAttribute("flash", "flash.created");
			return "redirect:/tickets/" + t.id();
		}
		catch (InvalidInput ex) {
			formModel(model, f.echo(), Forms.errors(ex, messages));
			return "service/ticket-form";
		}
	}

	private TicketFields fields(Forms f) {
		List<String> tags = f.commaList("tags");
		Long contactId = f.id("contactId");
		Long queueId = f.id("queueId");
		Long assigneeId = f.id("assigneeId");
		f.validate();
		return new TicketFields(f.text("subject"), f.multiline("description"), contactId, null, f.text("channel"),
				f.text("category"), f.text("type"), f.text("priority"), queueId, assigneeId, tags, f.text("severity"),
				f.text("rootCause"));
	}

	private void formModel(Model model, Map<String, String> form, Map<String, String> errors) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("queues", queues.list());
		model.addAttribute("users", users.activeUsers());
		model.addAttribute("priorities", ServiceVocabulary.PRIORITIES);
		model.addAttribute("channels", ServiceVocabulary.CHANNELS);
		model.addAttribute("types", ServiceVocabulary.TYPES);
		model.addAttribute("severities", ServiceVocabulary.SEVERITIES);
	}

	@GetMapping("/tickets/{id}")
	String view(@PathVariable long id, @RequestParam(defaultValue = "thread") String tab, Model model) {
		TicketView t = tickets.get(id);
		model.addAttribute("t", t);
		model.addAttribute("canEdit", tickets.canEdit(t));
		model.addAttribute("replies", tickets.replies(id));
		model.addAttribute("sentiment", sentiments.of(id));
		model.addAttribute("canCorrectSentiment", TicketSentimentController.canCorrect());
		model.addAttribute("surveys", tickets.surveys(id));
		model.addAttribute("attachments", attachments.list(id));
		model.addAttribute("tab", tab);
		model.addAttribute("users", users.activeUsers());
		model.addAttribute("priorities", ServiceVocabulary.PRIORITIES);
		model.addAttribute("severities", ServiceVocabulary.SEVERITIES);
		model.addAttribute("moves", ServiceVocabulary.STATUSES.stream()
			.filter(s -> !s.equals(t.status()) && ServiceVocabulary.canMove(t.status(), s))
			.toList());
		if ("history".equals(tab)) {
			model.addAttribute("history", audit.history("ticket", Long.toString(id), 100, null));
		}
		if ("sharing".equals(tab)) {
			model.addAttribute("shares", tickets.shares(id));
		}
		return "service/ticket";
	}

	@PostMapping("/tickets/{id}/shares")
	String share(@PathVariable long id, @RequestParam long userId, @RequestParam(defaultValue = "read") String access,
			RedirectAttributes redirect) {
		tickets.share(id, userId, access);
		redirect.addFlashAttribute("flash", "flash.shared");
		return "redirect:/tickets/" + id + "?tab=sharing";
	}

	@PostMapping("/tickets/{id}/shares/{userId}/delete")
	String unshare(@PathVariable long id, @PathVariable long userId, RedirectAttributes redirect) {
		tickets.unshare(id, userId);
		redirect.addFlashAttribute("flash", "flash.unshared");
		return "redirect:/tickets/" + id + "?tab=sharing";
	}

	@PostMapping("/tickets/{id}/replies")
	String reply(@PathVariable long id, @RequestParam MultiValueMap<String, String> params, RedirectAttributes redirect) {
		Forms f = new Forms(params, formats.zone());
		boolean isPublic = "public".equals(f.text("kind"));
		try {
			tickets.reply(id, new ReplyInput(f.multiline("body"), isPublic, f.id("parentId")));
			redirect.addFlashAttribute("flash", isPublic ? "ticket.replied" : "ticket.noted");
		}
		catch (InvalidInput ex) {
			redirect.addFlashAttribute("replyError", String.join(" ", Forms.errors(ex, messages).values()));
		}
		catch (StateConflict ex) {
			redirect.addFlashAttribute("replyError", messages.getMessage("problem.ticket-closed.detail", null,
					LocaleContextHolder.getLocale()));
		}
		return "redirect:/tickets/" + id;
	}

	@PostMapping("/tickets/{id}/status")
	String status(@PathVariable long id, @RequestParam long version, @RequestParam String status,
			RedirectAttributes redirect) {
		try {
			tickets.changeStatus(id, version, status);
			redirect.addFlashAttribute("flash", "flash.saved");
		}
		catch (StaleVersion ex) {
			redirect.addFlashAttribute("flash", "ticket.stale");
		}
		return "redirect:/tickets/" + id;
	}

	@PostMapping("/tickets/{id}/edit")
	String edit(@PathVariable long id, @RequestParam MultiValueMap<String, String> params, RedirectAttributes redirect) {
		Forms f = new Forms(params, formats.zone());
		TicketView t = tickets.get(id);
		try {
			Long assignee = f.id("assigneeId");
			Integer version = f.integer("version");
			f.validate();
			TicketFields b = t.fields();
			tickets.update(id, version == null ? -1 : version,
					new TicketFields(b.subject(), b.description(), b.contactId(), b.accountId(), b.channel(),
							f.text("category"), b.type(), f.text("priority"), b.queueId(), assignee, f.commaList("tags"),
							f.text("severity"), f.text("rootCause")),
					null);
			redirect.addFlashAttribute("flash", "flash.saved");
		}
		catch (StaleVersion ex) {
			redirect.addFlashAttribute("flash", "ticket.stale");
		}
		catch (InvalidInput ex) {
			redirect.addFlashAttribute("replyError", String.join(" ", Forms.errors(ex, messages).values()));
		}
		return "redirect:/tickets/" + id;
	}

	static String blank(String s) {
		return s == null || s.isBlank() ? null : s;
	}

	static List<String> nonNull(List<String> l) {
		return l == null ? new ArrayList<>() : l;
	}

}
