package org.rapport.sales.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.rapport.platform.web.ApiPages;
import org.rapport.platform.web.ETags;
import org.rapport.sales.OrderManagement;
import org.rapport.sales.OrderView;
import org.rapport.sales.QuoteManagement;
import org.rapport.sales.QuoteView;
import tools.jackson.databind.JsonNode;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Quotes and orders over REST. */
@RestController
@Tag(name = "Quotes and orders")
class QuoteApiController {

	private final QuoteManagement quotes;

	private final OrderManagement orders;

	QuoteApiController(QuoteManagement quotes, OrderManagement orders) {
		this.quotes = quotes;
		this.orders = orders;
	}

	@PostMapping("/api/v1/quotes")
	@Operation(summary = "Create a quote",
			description = "{\"accountId\",\"contactId\",\"dealId\",\"currency\",\"validUntil\",\"lines\": [{\"productId\" or "
					+ "\"description\", \"quantity\", \"unitPrice\" (default: list price), \"discountPercent\", "
					+ "\"taxRatePercent\"}]} → totals computed exactly (see docs/sales.md).")
	ResponseEntity<QuoteView> create(@RequestBody JsonNode body) {
		QuoteView q = quotes.create(SalesJson.quote(body, null));
		return ResponseEntity.created(URI.create("/api/v1/quotes/" + q.id())).eTag(ETags.of(q.version())).body(q);
	}

	@GetMapping("/api/v1/quotes")
	@Operation(summary = "List quotes")
	Map<String, Object> list(@RequestParam(required = false) Long accountId, @RequestParam(required = false) Long dealId,
			@RequestParam(required = false) String status, @RequestParam(required = false) Integer limit,
			@RequestParam(required = false) String cursor) {
		return ApiPages.of(quotes.list(accountId, dealId, status, limit, cursor));
	}

	@GetMapping("/api/v1/quotes/{id}")
	@Operation(summary = "Read a quote")
	ResponseEntity<QuoteView> get(@PathVariable long id) {
		QuoteView q = quotes.get(id);
		return ResponseEntity.ok().eTag(ETags.of(q.version())).body(q);
	}

	@PatchMapping(path = "/api/v1/quotes/{id}", consumes = { "application/merge-patch+json", "application/json" })
	@Operation(summary = "Change a draft quote", description = "Requires If-Match; lines replace all lines.")
	ResponseEntity<QuoteView> patch(@PathVariable long id, @RequestHeader(value = "If-Match", required = false) String ifMatch,
			@RequestBody JsonNode body) {
		long version = ETags.required(ifMatch);
		QuoteView q = quotes.update(id, version, SalesJson.quote(body, quotes.get(id).fields()));
		return ResponseEntity.ok().eTag(ETags.of(q.version())).body(q);
	}

	@DeleteMapping("/api/v1/quotes/{id}")
	@Operation(summary = "Delete a draft quote")
	ResponseEntity<Void> delete(@PathVariable long id, @RequestHeader(value = "If-Match", required = false) String ifMatch) {
		quotes.delete(id, ETags.optional(ifMatch));
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/v1/quotes/{id}/send")
	@Operation(summary = "Mark a draft quote sent")
	ResponseEntity<QuoteView> send(@PathVariable long id, @RequestHeader(value = "If-Match", required = false) String ifMatch) {
		QuoteView q = quotes.send(id, version(id, ifMatch));
		return ResponseEntity.ok().eTag(ETags.of(q.version())).body(q);
	}

	@PostMapping("/api/v1/quotes/{id}/revise")
	@Operation(summary = "New revision of a quote", description = "Same number, next revision; the old one is superseded.")
	ResponseEntity<QuoteView> revise(@PathVariable long id, @RequestHeader(value = "If-Match", required = false) String ifMatch) {
		QuoteView q = quotes.revise(id, version(id, ifMatch));
		return ResponseEntity.created(URI.create("/api/v1/quotes/" + q.id())).eTag(ETags.of(q.version())).body(q);
	}

	@PostMapping("/api/v1/quotes/{id}/reject")
	@Operation(summary = "The customer declined the quote")
	ResponseEntity<QuoteView> reject(@PathVariable long id, @RequestHeader(value = "If-Match", required = false) String ifMatch) {
		QuoteView q = quotes.reject(id, version(id, ifMatch));
		return ResponseEntity.ok().eTag(ETags.of(q.version())).body(q);
	}

	@PostMapping("/api/v1/quotes/{id}/accept")
	@Operation(summary = "The customer accepted the quote", description = "→ {\"orderId\", \"order\"}: a confirmed order.")
	Map<String, Object> accept(@PathVariable long id, @RequestHeader(value = "If-Match", required = false) String ifMatch) {
		OrderView order = quotes.accept(id, ETags.optional(ifMatch));
		return Map.of("orderId", order.id(), "quoteId", id, "order", order);
	}

	private long version(long id, String ifMatch) {
		Long v = ETags.optional(ifMatch);
		return v != null ? v : quotes.get(id).version();
	}

	@PostMapping("/api/v1/orders")
	@Operation(summary = "Enter an order", description = "{\"accountId\",\"contactId\",\"currency\",\"orderDate\",\"lines\"}; draft.")
	ResponseEntity<OrderView> createOrder(@RequestBody JsonNode body) {
		OrderView o = orders.create(SalesJson.order(body, null));
		return ResponseEntity.created(URI.create("/api/v1/orders/" + o.id())).eTag(ETags.of(o.version())).body(o);
	}

	@GetMapping("/api/v1/orders")
	@Operation(summary = "List orders", description = "accountId, contactId, status, from, to (order date), limit, cursor")
	Map<String, Object> orders(@RequestParam(required = false) Long accountId, @RequestParam(required = false) Long contactId,
			@RequestParam(required = false) String status,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
		return ApiPages.of(orders.list(accountId, contactId, status, from, to, limit, cursor));
	}

	@GetMapping("/api/v1/orders/{id}")
	@Operation(summary = "Read an order")
	ResponseEntity<OrderView> order(@PathVariable long id) {
		OrderView o = orders.get(id);
		return ResponseEntity.ok().eTag(ETags.of(o.version())).body(o);
	}

	@PatchMapping(path = "/api/v1/orders/{id}", consumes = { "application/merge-patch+json", "application/json" })
	@Operation(summary = "Change a draft or confirmed order", description = "Requires If-Match; a fulfilled order answers 409.")
	ResponseEntity<OrderView> patchOrder(@PathVariable long id,
			@RequestHeader(value = "If-Match", required = false) String ifMatch, @RequestBody JsonNode body) {
		long version = ETags.required(ifMatch);
		OrderView current = orders.get(id);
		var base = new org.rapport.sales.OrderFields(current.accountId(), current.contactId(), current.currency(),
				current.orderDate(), current.ownerId(), current.lines().stream().map(org.rapport.sales.LineView::input).toList());
		OrderView o = orders.update(id, version, SalesJson.order(body, base));
		return ResponseEntity.ok().eTag(ETags.of(o.version())).body(o);
	}

	@PostMapping("/api/v1/orders/{id}/confirm")
	@Operation(summary = "Confirm a draft order")
	OrderView confirm(@PathVariable long id, @RequestHeader(value = "If-Match", required = false) String ifMatch) {
		return orders.confirm(id, ETags.optional(ifMatch));
	}

	@PostMapping("/api/v1/orders/{id}/fulfil")
	@Operation(summary = "Fulfil a confirmed order", description = "From then on the order never changes.")
	OrderView fulfil(@PathVariable long id, @RequestHeader(value = "If-Match", required = false) String ifMatch) {
		return orders.fulfil(id, ETags.optional(ifMatch));
	}

	@PostMapping("/api/v1/orders/{id}/cancel")
	@Operation(summary = "Cancel an order that is not fulfilled")
	OrderView cancel(@PathVariable long id, @RequestHeader(value = "If-Match", required = false) String ifMatch) {
		return orders.cancel(id, ETags.optional(ifMatch));
	}

	@PostMapping("/api/v1/orders/{id}/adjustments")
	@Operation(summary = "Correct a fulfilled order", description = "A new draft order pointing to it; negative quantities allowed.")
	ResponseEntity<OrderView> adjust(@PathVariable long id, @RequestBody JsonNode body) {
		OrderView o = orders.adjust(id, SalesJson.order(body, null));
		return ResponseEntity.created(URI.create("/api/v1/orders/" + o.id())).eTag(ETags.of(o.version())).body(o);
	}

}
