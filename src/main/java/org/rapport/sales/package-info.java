/**
 * Sales: leads and their conversion, pipelines and deals, products and price books, quotes and
 * orders, currencies, targets, forecasts and sales reports.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Sales")
package org.rapport.sales;
