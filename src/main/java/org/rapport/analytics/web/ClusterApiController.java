package org.rapport.analytics.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.rapport.analytics.CustomerClusters;
import org.rapport.analytics.ModelRegistry;
import org.rapport.platform.web.Csv;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Behavioural customer segments (k-means) over REST, as JSON or as a CSV of the cluster profiles. */
@RestController
@RequestMapping("/api/v1/analytics")
@Tag(name = "Analytics")
class ClusterApiController {

	private static final String WHO = " ADMIN, MANAGER, ANALYST and MARKETER only (others: 403); over the fulfilled orders "
			+ "the caller may see in the three years to asOf (default today), optionally one team's (teamId).";

	private final CustomerClusters clusters;

	private final Clock clock;

	ClusterApiController(CustomerClusters clusters, Clock clock) {
		this.clusters = clusters;
		this.clock = clock;
	}

	@GetMapping("/clusters")
	@Operation(summary = "Customer segments by k-means",
			description = "Features: recency_days, orders, spent, average_order, tenure_days (orders and money log-scaled, "
					+ "then standardised); k from 2 to 8 by the mean silhouette (silhouetteByK), fixed seed. Each cluster: "
					+ "size, centroid in the features' units (money in the corporate currency), traits (z-score of the "
					+ "cluster mean, most distinctive first, with a direction) and a description in the request's language. "
					+ "k = 0 when fewer than three customers are in view." + WHO)
	CustomerClusters.Segmentation clusters(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
			@RequestParam(required = false) Long teamId) {
		return clusters.segment(query(asOf, teamId));
	}

	@GetMapping("/clusters.csv")
	@Operation(summary = "Customer segment profiles as CSV",
			description = "One row per cluster: size, each feature's centroid and z-score, the description." + WHO)
	ResponseEntity<byte[]> csv(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
			@RequestParam(required = false) Long teamId) {
		return csv(clusters.segment(query(asOf, teamId)));
	}

	@GetMapping("/clusters/{cluster}/customers")
	@Operation(summary = "The customers of a cluster",
			description = "The ones the caller may see, biggest spenders first, at most 500; cluster from 1 to k (else 400)."
					+ WHO)
	List<CustomerClusters.Member> members(@Parameter(description = "1 to k") @PathVariable int cluster,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
			@RequestParam(required = false) Long teamId) {
		return clusters.members(query(asOf, teamId), cluster);
	}

	@PostMapping("/clusters/runs")
	@Operation(summary = "Segment all customers and record the run in the model registry",
			description = "ADMIN and ANALYST only (others: 403): the whole customer base as of asOf (default today), "
					+ "registered as the model 'clusters' with k, silhouette and customers (no hold-out metric). "
					+ "Reading the clusters does not register.")
	ModelRegistry.Entry run(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
		return clusters.run(query(asOf, null).asOf());
	}

	/** The profiles as a CSV download: one row per cluster. */
	static ResponseEntity<byte[]> csv(CustomerClusters.Segmentation s) {
		Csv csv = new Csv();
		List<Object> header = new ArrayList<>(List.of("cluster", "size"));
		CustomerClusters.FEATURES.forEach(f -> header.add(f));
		CustomerClusters.FEATURES.forEach(f -> header.add(f + "_z"));
		header.add("description");
		csv.row(header);
		for (CustomerClusters.Profile p : s.clusters()) {
			List<Object> row = new ArrayList<>(List.of(p.cluster(), p.size()));
			CustomerClusters.FEATURES.forEach(f -> row.add(p.centroid().get(f)));
			CustomerClusters.FEATURES.forEach(f -> row.add(p.deviations(f)));
			row.add(p.description());
			csv.row(row);
		}
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"clusters-" + s.asOf() + ".csv\"")
			.body(("\uFEFF" + csv).getBytes(StandardCharsets.UTF_8));
	}

	private CustomerClusters.Query query(LocalDate asOf, Long teamId) {
		return new CustomerClusters.Query(asOf == null ? LocalDate.now(clock) : asOf, teamId);
	}

}
