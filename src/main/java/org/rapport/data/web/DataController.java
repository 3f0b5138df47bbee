package org.rapport.data.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.rapport.data.internal.duplicates.DuplicateManagement;
import org.rapport.data.internal.duplicates.DuplicateScans;
import org.rapport.data.internal.duplicates.MergeManagement;
import org.rapport.data.internal.imports.FieldMapping;
import org.rapport.data.internal.imports.ImportManagement;
import org.rapport.data.internal.imports.ImportView;
import org.rapport.data.internal.quality.DataQuality;
import org.rapport.platform.Actor;
import org.rapport.platform.NotPermitted;
import org.rapport.platform.RapportException;
import org.rapport.platform.Role;
import org.rapport.platform.StateConflict;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Data pages: the import wizard (upload → preview and mapping → duplicates and dry run → progress),
 * the duplicate review queue (dismiss, merge, undo) and the data quality page.
 */
@Controller
class DataController {

	private final ImportManagement imports;

	private final DuplicateManagement duplicates;

	private final MergeManagement merges;

	private final DataQuality quality;

	private final MessageSource messages;

	private final DuplicateScans scans;

	DataController(ImportManagement imports, DuplicateManagement duplicates, MergeManagement merges, DataQuality quality,
			MessageSource messages, DuplicateScans scans) {
		this.imports = imports;
		this.duplicates = duplicates;
		this.merges = merges;
		this.quality = quality;
		this.messages = messages;
		this.scans = scans;
	}

	private String message(RapportException ex) {
		return messages.getMessage("problem." + ex.code() + ".detail", ex.args(), ex.getMessage(),
				LocaleContextHolder.getLocale());
	}

	@GetMapping("/data")
	String home(Model model) {
		model.addAttribute("imports", imports.recent(20));
		model.addAttribute("entities", List.of("contacts", "accounts", "leads", "orders"));
		return "data/imports";
	}

	@PostMapping("/data/imports")
	String upload(@RequestParam(required = false) MultipartFile file, @RequestParam(defaultValue = "contacts") String entity,
			Model model) {
		if (file == null || file.isEmpty()) {
			model.addAttribute("uploadError", messages.getMessage("data.import.noFile", null, LocaleContextHolder.getLocale()));
			return home(model);
		}
		try (InputStream in = file.getInputStream()) {
			long id = imports.stage(file.getOriginalFilename(), in, entity);
			return "redirect:/data/imports/" + id + "/mapping";
		}
		catch (RapportException ex) {
			model.addAttribute("uploadError", ex.fieldProblems().isEmpty() ? message(ex)
					: ex.fieldProblems().get(0).field() + ": " + ex.fieldProblems().get(0).message());
			return home(model);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@GetMapping("/data/imports/{id}/mapping")
	String mapping(@PathVariable long id, Model model) {
		ImportView view = imports.get(id);
		if (!view.status().equals("draft")) {
			return "redirect:/data/imports/" + id;
		}
		model.addAttribute("imp", view);
		model.addAttribute("preview", imports.previewRows(id, 5));
		model.addAttribute("fields", FieldMapping.FIELDS.get(view.entity()));
		return "data/import-mapping";
	}

	@PostMapping("/data/imports/{id}/start")
	String start(@PathVariable long id, @RequestParam MultiValueMap<String, String> params, Model model,
			RedirectAttributes redirect) {
		ImportView view = imports.get(id);
		Map<String, String> mapping = new LinkedHashMap<>();
		for (int i = 0; i < view.headers().size(); i++) {
			String field = params.getFirst("map" + i);
			String custom = params.getFirst("custom" + i);
			if ("cf".equals(field) && custom != null && !custom.isBlank()) {
				field = "cf." + custom.strip();
			}
			mapping.put(view.headers().get(i), field == null || field.isBlank() || field.equals("cf") ? null : field);
		}
		try {
			imports.configure(id, new ImportManagement.Request(view.entity(), mapping, params.getFirst("duplicates"),
					"true".equals(params.getFirst("dryRun")), params.getFirst("defaultCountry")));
			return "redirect:/data/imports/" + id;
		}
		catch (RapportException ex) {
			model.addAttribute("mappingError", ex.fieldProblems().isEmpty() ? message(ex)
					: ex.fieldProblems().get(0).message());
			return mapping(id, model);
		}
	}

	@GetMapping("/data/imports/{id}")
	String progress(@PathVariable long id, HttpServletRequest request, Model model) {
		ImportView view = imports.get(id);
		model.addAttribute("imp", view);
		if (view.finished()) {
			model.addAttribute("errors", imports.errors(id, 50));
		}
		if (request.getHeader("HX-Request") != null) {
			return "data/import :: progress";
		}
		return "data/import";
	}

	@PostMapping("/data/imports/{id}/cancel")
	String cancel(@PathVariable long id, RedirectAttributes redirect) {
		imports.cancel(id);
		return "redirect:/data/imports/" + id;
	}

	@PostMapping("/data/imports/{id}/run")
	String runForReal(@PathVariable long id) {
		return "redirect:/data/imports/" + imports.runForReal(id).id();
	}

	@GetMapping("/data/duplicates")
	String queue(@RequestParam(defaultValue = "contacts") String entity, @RequestParam(required = false) String cursor,
			Model model) {
		model.addAttribute("entity", entity);
		model.addAttribute("page", duplicates.list(entity, "open", 25, cursor));
		scanModel(entity, model);
		return "data/duplicates";
	}

	/** The latest scan of the entity, polled while it runs (admins and managers only). */
	@GetMapping("/data/duplicates/scan")
	String scanProgress(@RequestParam(defaultValue = "contacts") String entity, Model model) {
		scanModel(entity, model);
		return "data/duplicates :: scan";
	}

	@PostMapping("/data/duplicates/scan")
	String scan(@RequestParam(defaultValue = "contacts") String entity, RedirectAttributes redirect) {
		if (!canScan()) {
			throw new NotPermitted("scan duplicates");
		}
		try {
			scans.start(entity);
			redirect.addFlashAttribute("flash", "data.scan.started");
		}
		catch (StateConflict ex) {
			redirect.addFlashAttribute("scanError", message(ex));
		}
		return "redirect:/data/duplicates?entity=" + DuplicateManagement.entityOf(entity);
	}

	private void scanModel(String entity, Model model) {
		boolean canScan = canScan();
		model.addAttribute("entity", entity);
		model.addAttribute("canScan", canScan);
		model.addAttribute("scan", canScan ? scans.latest(entity).orElse(null) : null);
	}

	private static boolean canScan() {
		Actor actor = Actor.current();
		return actor.role() == Role.ADMIN || actor.role() == Role.MANAGER;
	}

	@PostMapping("/data/duplicates/{id}/dismiss")
	String dismiss(@PathVariable long id, RedirectAttributes redirect) {
		DuplicateManagement.Pair pair = duplicates.dismiss(id);
		redirect.addFlashAttribute("flash", "data.duplicates.dismissed");
		return "redirect:/data/duplicates?entity=" + pair.entity();
	}

	@PostMapping("/data/duplicates/{id}/merge")
	String merge(@PathVariable long id, @RequestParam(defaultValue = "0") int keep, RedirectAttributes redirect) {
		DuplicateManagement.Pair pair = duplicates.get(id);
		long survivor = pair.ids().get(keep == 1 ? 1 : 0);
		long mergedId = pair.ids().get(keep == 1 ? 0 : 1);
		MergeManagement.MergeView merge = merges.merge(pair.entity(), survivor, mergedId, Map.of());
		redirect.addFlashAttribute("flash", "data.duplicates.merged");
		redirect.addFlashAttribute("undoMerge", merge.id());
		return "redirect:/data/duplicates?entity=" + pair.entity();
	}

	@PostMapping("/data/merges/{id}/undo")
	String undo(@PathVariable long id, RedirectAttributes redirect) {
		MergeManagement.MergeView merge = merges.undo(id);
		redirect.addFlashAttribute("flash", "data.duplicates.undone");
		return "redirect:/data/duplicates?entity=" + merge.entity();
	}

	@GetMapping("/data/quality")
	String quality(@RequestParam(defaultValue = "6") int months, @RequestParam(required = false) String show, Model model) {
		int m = Math.max(1, Math.min(months, 120));
		DataQuality.Report report = quality.contacts(m);
		model.addAttribute("report", report);
		model.addAttribute("months", m);
		model.addAttribute("show", show);
		List<Long> ids = show == null ? List.of() : switch (show) {
			case "stale" -> report.stale();
			case "invalid-email", "invalid-phone" -> report.invalid().get(show);
			default -> List.of();
		};
		model.addAttribute("drill", ids.stream().limit(200).toList());
		return "data/quality";
	}

}
