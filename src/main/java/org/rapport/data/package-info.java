/**
 * Data management: import with mapping and validation, duplicate detection and merge, export and
 * data quality.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Data")
package org.rapport.data;
