package org.rapport.sales.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.rapport.platform.InvalidInput;
import org.rapport.platform.UserDirectory;
import org.rapport.sales.CurrencyManagement;
import org.rapport.sales.LeadManagement;
import org.rapport.sales.Period;
import org.rapport.sales.PipelineManagement;
import org.rapport.sales.TargetManagement;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Sales settings for admins: corporate currency, exchange rates, lead assignment, targets, pipelines. */
@Controller
class SalesAdminController {

	private final CurrencyManagement currencies;

	private final LeadManagement leads;

	private final TargetManagement targets;

	private final PipelineManagement pipelines;

	private final UserDirectory users;

	private final MessageSource messages;

	SalesAdminController(CurrencyManagement currencies, LeadManagement leads, TargetManagement targets,
			PipelineManagement pipelines, UserDirectory users, MessageSource messages) {
		this.currencies = currencies;
		this.leads = leads;
		this.targets = targets;
		this.pipelines = pipelines;
		this.users = users;
		this.messages = messages;
	}

	@GetMapping("/admin/sales")
	String page(@RequestParam(required = false) String period, Model model) {
		String p = period == null || period.isBlank() ? SalesReportApiController.thisQuarter() : period;
		model.addAttribute("corporate", currencies.corporateCurrency());
		model.addAttribute("rates", currencies.rates());
		model.addAttribute("assignment", leads.assignment());
		model.addAttribute("period", p);
		model.addAttribute("targets", targets.list(Period.parse("period", p)));
		model.addAttribute("pipelines", pipelines.pipelines());
		model.addAttribute("users", users.activeUsers());
		model.addAttribute("teams", users.activeUsers().stream().filter(u -> u.teamId() != null)
			.map(u -> Map.entry(u.teamId(), u.teamName())).distinct().toList());
		if (!model.containsAttribute("error")) {
			model.addAttribute("error", null);
		}
		return "sales/admin";
	}

	@PostMapping("/admin/sales/currency")
	String currency(@RequestParam String corporateCurrency, RedirectAttributes redirect) {
		return run(redirect, () -> currencies.setCorporateCurrency(corporateCurrency.strip()));
	}

	@PostMapping("/admin/sales/rates")
	String rate(@RequestParam String currency, @RequestParam String validFrom, @RequestParam String rate,
			RedirectAttributes redirect) {
		return run(redirect, () -> {
			LocalDate from;
			BigDecimal value;
			try {
				from = LocalDate.parse(validFrom);
			}
			catch (java.time.format.DateTimeParseException ex) {
				throw InvalidInput.of("validFrom", "not-a-date", "Must be a date");
			}
			try {
				value = new BigDecimal(rate.strip());
			}
			catch (NumberFormatException ex) {
				throw InvalidInput.of("rate", "not-a-number", "Must be a number");
			}
			currencies.setRate(currency.strip(), from, value);
		});
	}

	@PostMapping("/admin/sales/assignment")
	String assignment(@RequestParam String mode, @RequestParam(required = false) Long teamId, RedirectAttributes redirect) {
		return run(redirect, () -> leads.setAssignment(new LeadManagement.Assignment(mode, teamId,
				leads.assignment().rules())));
	}

	@PostMapping("/admin/sales/targets")
	String target(@RequestParam String period, @RequestParam(required = false) Long userId,
			@RequestParam(required = false) Long teamId, @RequestParam String amount, RedirectAttributes redirect) {
		return run(redirect, () -> {
			BigDecimal value;
			try {
				value = new BigDecimal(amount.replace(",", "").strip());
			}
			catch (NumberFormatException ex) {
				throw InvalidInput.of("amount", "not-a-number", "Must be a number");
			}
			targets.set(Period.parse("period", period), userId, teamId, value);
		});
	}

	private String run(RedirectAttributes redirect, Runnable change) {
		try {
			change.run();
			redirect.addFlashAttribute("flash", "flash.saved");
		}
		catch (InvalidInput ex) {
			redirect.addFlashAttribute("error", String.join("; ", ex.fieldProblems().stream()
				.map(p -> p.field() + ": " + messages.getMessage("field.error." + p.code(), null, p.message(),
						LocaleContextHolder.getLocale()))
				.toList()));
		}
		return "redirect:/admin/sales";
	}

}
