package org.rapport.sales.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.rapport.platform.web.ETags;
import org.rapport.sales.Product;
import org.rapport.sales.ProductManagement;
import org.rapport.sales.ProductManagement.ProductFields;
import tools.jackson.databind.JsonNode;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Products and price books over REST. */
@RestController
@Tag(name = "Products")
class CatalogueApiController {

	private final ProductManagement products;

	CatalogueApiController(ProductManagement products) {
		this.products = products;
	}

	@PostMapping("/api/v1/products")
	@Operation(summary = "Create a product (admin, manager)",
			description = "{\"sku\",\"name\",\"family\",\"unit\",\"active\",\"prices\": {\"USD\": 100, \"CNY\": 720}}")
	ResponseEntity<Product> create(@RequestBody JsonNode body) {
		Product p = products.create(SalesJson.product(body, null));
		return ResponseEntity.created(URI.create("/api/v1/products/" + p.id())).eTag(ETags.of(p.version())).body(p);
	}

	@GetMapping("/api/v1/products")
	@Operation(summary = "List products", description = "q (name or SKU), active, family, limit")
	Map<String, List<Product>> list(@RequestParam(required = false) String q, @RequestParam(required = false) Boolean active,
			@RequestParam(required = false) String family, @RequestParam(defaultValue = "100") int limit) {
		return Map.of("items", products.list(q, active, family, limit));
	}

	@GetMapping("/api/v1/products/{id}")
	@Operation(summary = "Read a product")
	ResponseEntity<Product> get(@PathVariable long id) {
		Product p = products.get(id);
		return ResponseEntity.ok().eTag(ETags.of(p.version())).body(p);
	}

	@PatchMapping(path = "/api/v1/products/{id}", consumes = { "application/merge-patch+json", "application/json" })
	@Operation(summary = "Change a product", description = "Requires If-Match; prices merge by currency (null removes).")
	ResponseEntity<Product> patch(@PathVariable long id, @RequestHeader(value = "If-Match", required = false) String ifMatch,
			@RequestBody JsonNode body) {
		long version = ETags.required(ifMatch);
		Product current = products.get(id);
		ProductFields base = new ProductFields(current.sku(), current.name(), current.family(), current.unit(),
				current.description(), current.active(), Map.of());
		Product p = products.update(id, version, SalesJson.product(body, base));
		return ResponseEntity.ok().eTag(ETags.of(p.version())).body(p);
	}

	@GetMapping("/api/v1/price-books")
	@Operation(summary = "Price books")
	Map<String, List<ProductManagement.PriceBook>> priceBooks() {
		return Map.of("items", products.priceBooks());
	}

}
