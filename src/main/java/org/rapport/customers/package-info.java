/**
 * Customers: accounts (companies), contacts (people), their interactions on a 360° timeline,
 * sharing, tags and admin-defined custom fields, and the search that finds them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Customers")
package org.rapport.customers;
