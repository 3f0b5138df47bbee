package org.rapport.sales;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * Something the company sells.
 *
 * @param id id
 * @param sku stock-keeping unit, unique (case-insensitive)
 * @param name name
 * @param family product family
 * @param unit unit of sale (each, hour, licence…)
 * @param description description
 * @param active whether it can be put on new quotes
 * @param prices list prices by currency (from the default price book of each currency)
 * @param createdAt created
 * @param version optimistic lock version, the ETag
 */
public record Product(long id, String sku, String name, String family, String unit, String description, boolean active,
		Map<String, BigDecimal> prices, Instant createdAt, long version) {
}
