package org.rapport.customers.web;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.rapport.customers.CustomFieldDefinition;
import org.rapport.customers.CustomFieldManagement;
import org.rapport.customers.Vocabulary;
import org.rapport.platform.InvalidInput;
import org.rapport.platform.StateConflict;
import org.rapport.platform.web.Formats;
import org.rapport.platform.web.Forms;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admin page defining the custom fields of accounts and contacts. */
@Controller
class CustomFieldAdminController {

	private final CustomFieldManagement fields;

	private final MessageSource messages;

	private final Formats formats;

	CustomFieldAdminController(CustomFieldManagement fields, MessageSource messages, Formats formats) {
		this.fields = fields;
		this.messages = messages;
		this.formats = formats;
	}

	@GetMapping("/admin/custom-fields")
	String list(Model model) {
		model.addAttribute("accountFields", fields.definitions("account"));
		model.addAttribute("contactFields", fields.definitions("contact"));
		model.addAttribute("types", Vocabulary.CUSTOM_FIELD_TYPES);
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
			model.addAttribute("form", Map.of("entityType", "contact", "type", "text"));
		}
		return "customers/custom-fields";
	}

	@PostMapping("/admin/custom-fields")
	String create(@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
		Forms f = new Forms(params, formats.zone());
		try {
			List<String> options = f.text("options") == null ? List.of()
					: Arrays.stream(f.text("options").split("[,，\\n]")).map(String::strip).filter(s -> !s.isEmpty())
						.toList();
			Integer position = f.integer("position");
			f.validate();
			fields.define(new CustomFieldDefinition(0, f.text("entityType"), f.text("key"), f.text("label"),
					f.text("labelZh"), f.text("type"), options, f.checked("required"), position == null ? 0 : position, 0));
			redirect.addFlashAttribute("flash", "flash.created");
			return "redirect:/admin/custom-fields";
		}
		catch (InvalidInput ex) {
			model.addAttribute("errors", Forms.errors(ex, messages));
			model.addAttribute("form", f.echo());
			return list(model);
		}
		catch (StateConflict ex) {
			model.addAttribute("errors", Map.of("key", messages.getMessage("field.error.taken", null, "Already taken",
					org.springframework.context.i18n.LocaleContextHolder.getLocale())));
			model.addAttribute("form", f.echo());
			return list(model);
		}
	}

	@PostMapping("/admin/custom-fields/{id}/delete")
	String delete(@PathVariable long id, RedirectAttributes redirect) {
		fields.remove(id);
		redirect.addFlashAttribute("flash", "flash.deleted");
		return "redirect:/admin/custom-fields";
	}

}
