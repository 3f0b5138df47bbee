/**
 * Analytics: customer-lifetime value from purchase histories (BG/NBD for repeat purchases,
 * Gamma-Gamma for spend), computed on the data a user uploads.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Analytics")
package org.rapport.analytics;
