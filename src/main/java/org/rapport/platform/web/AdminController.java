package org.rapport.platform.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.rapport.platform.AuditTrail;
import org.rapport.platform.InvalidInput;
import org.rapport.platform.Role;
import org.rapport.platform.StaleVersion;
import org.rapport.platform.StateConflict;
import org.rapport.platform.users.UserAccounts;
import org.rapport.platform.users.UserAccounts.User;
import org.rapport.platform.users.UserAccounts.UserInput;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administration pages (ADMIN only, enforced by the security configuration and the services): users and the audit trail. */
@Controller
class AdminController {

	private final UserAccounts users;

	private final AuditTrail audit;

	private final MessageSource messages;

	private final Formats formats;

	AdminController(UserAccounts users, AuditTrail audit, MessageSource messages, Formats formats) {
		this.users = users;
		this.audit = audit;
		this.messages = messages;
		this.formats = formats;
	}

	@GetMapping("/admin/users")
	String users(Model model) {
		model.addAttribute("users", users.list());
		model.addAttribute("teams", users.teams());
		return "platform/users";
	}

	@GetMapping("/admin/users/new")
	String newUser(Model model) {
		return form(model, new LinkedHashMap<>(Map.of("role", Role.SALES_REP.name(), "enabled", "true")), Map.of(), null, null);
	}

	@PostMapping("/admin/users")
	String create(@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
		Forms f = new Forms(params, formats.zone());
		try {
			users.create(input(f, true));
			redirect.addFlashAttribute("flash", "flash.created");
			return "redirect:/admin/users";
		}
		catch (InvalidInput ex) {
			return form(model, f.echo(), Forms.errors(ex, messages), null, null);
		}
		catch (StateConflict ex) {
			return form(model, f.echo(), Map.of("username", messages.getMessage("field.error.taken", null,
					"Already taken", org.springframework.context.i18n.LocaleContextHolder.getLocale())), null, null);
		}
	}

	@GetMapping("/admin/users/{id}")
	String edit(@PathVariable long id, Model model) {
		User u = users.get(id);
		Map<String, String> form = new LinkedHashMap<>();
		form.put("username", u.username());
		form.put("displayName", u.displayName());
		form.put("email", u.email());
		form.put("role", u.role().name());
		form.put("team", u.teamName());
		form.put("locale", u.locale());
		form.put("enabled", Boolean.toString(u.enabled()));
		form.put("version", Long.toString(u.version()));
		return form(model, form, Map.of(), u, null);
	}

	@PostMapping("/admin/users/{id}")
	String update(@PathVariable long id, @RequestParam long version, @RequestParam MultiValueMap<String, String> params,
			Model model, RedirectAttributes redirect) {
		User current = users.get(id);
		Forms f = new Forms(params, formats.zone());
		try {
			UserInput in = input(f, false);
			users.update(id, version, new UserInput(null, in.password(), in.displayName(), in.email() == null ? "" : in.email(),
					in.role(), in.team() == null ? "" : in.team(), in.locale(), in.enabled()));
			redirect.addFlashAttribute("flash", "flash.saved");
			return "redirect:/admin/users";
		}
		catch (InvalidInput ex) {
			return form(model, f.echo(), Forms.errors(ex, messages), current, null);
		}
		catch (StaleVersion ex) {
			return form(model, f.echo(), Map.of(), current, "conflict");
		}
	}

	@GetMapping("/admin/audit")
	String audit(@RequestParam(required = false) String entityType, @RequestParam(required = false) String entityId,
			Model model) {
		model.addAttribute("entityType", entityType);
		model.addAttribute("entityId", entityId);
		if (entityType != null && !entityType.isBlank() && entityId != null && !entityId.isBlank()) {
			model.addAttribute("history", audit.history(entityType.strip(), entityId.strip(), 200, null));
		}
		return "platform/audit";
	}

	@PostMapping("/admin/audit/verify")
	String verify(Model model) {
		model.addAttribute("verification", audit.verify());
		return "platform/audit";
	}

	private String form(Model model, Map<String, String> form, Map<String, String> errors, User user, String alert) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("user", user);
		model.addAttribute("alert", alert);
		model.addAttribute("roles", Role.values());
		model.addAttribute("teams", users.teams());
		return "platform/user-form";
	}

	private static UserInput input(Forms f, boolean create) {
		String role = f.text("role");
		Role parsed = null;
		if (role != null) {
			try {
				parsed = Role.valueOf(role);
			}
			catch (IllegalArgumentException ex) {
				throw InvalidInput.of("role", "not-allowed", "Not a role");
			}
		}
		return new UserInput(create ? f.text("username") : null, f.text("password"), f.text("displayName"),
				f.text("email"), parsed, f.text("team"), f.text("locale"), f.checked("enabled"));
	}

}
