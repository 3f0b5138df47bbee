package org.rapport.analytics.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.rapport.analytics.CustomerClusters;
import org.rapport.platform.web.Charts;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The customer clusters page: silhouette by k, each cluster's profile and description, and its
 * customers; the profiles as CSV.
 */
@Controller
class ClusterController {

	private final CustomerClusters clusters;

	private final JsonMapper json;

	private final MessageSource messages;

	private final Clock clock;

	ClusterController(CustomerClusters clusters, JsonMapper json, MessageSource messages, Clock clock) {
		this.clusters = clusters;
		this.json = json;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/analytics/clusters")
	String clusters(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
			@RequestParam(required = false) Long teamId, @RequestParam(required = false) Integer cluster, Model model) {
		CustomerClusters.Query query = new CustomerClusters.Query(asOf == null ? LocalDate.now(clock) : asOf, teamId);
		CustomerClusters.Segmentation s;
		if (cluster != null) {
			CustomerClusters.Drill drill = clusters.drill(query, cluster);
			s = drill.segmentation();
			model.addAttribute("cluster", cluster);
			model.addAttribute("members", drill.members());
		}
		else {
			s = clusters.segment(query);
		}
		model.addAttribute("s", s);
		model.addAttribute("silhouetteChart", chart("line",
				s.silhouetteByK().stream().map(k -> Integer.toString(k.k())).toList(), List.of(Charts
					.dataset(msg("clusters.silhouette.value"), s.silhouetteByK().stream().map(k -> (Object) k.silhouette()).toList()))));
		List<String> labels = CustomerClusters.FEATURES.stream().map(f -> msg("clusters.feature." + f)).toList();
		List<String> profileCharts = new ArrayList<>();
		for (CustomerClusters.Profile p : s.clusters()) {
			List<Object> deviations = CustomerClusters.FEATURES.stream().map(f -> (Object) p.deviations(f)).toList();
			profileCharts.add(chart("bar", labels, List.of(Charts.dataset(msg("clusters.deviations"), deviations))));
		}
		model.addAttribute("profileCharts", profileCharts);
		model.addAttribute("featureLabels", labels);
		return "analytics/clusters";
	}

	@GetMapping("/analytics/clusters.csv")
	ResponseEntity<byte[]> csv(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
			@RequestParam(required = false) Long teamId) {
		return ClusterApiController
			.csv(clusters.segment(new CustomerClusters.Query(asOf == null ? LocalDate.now(clock) : asOf, teamId)));
	}

	private String msg(String key) {
		return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
	}

	private String chart(String type, List<String> labels, List<Map<String, Object>> datasets) {
		return json.writeValueAsString(Charts.chart(type, labels, datasets));
	}

}
