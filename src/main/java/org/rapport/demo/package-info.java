/**
 * Demo data: with {@code RAPPORT_DEMO_DATA=true}, an empty database is filled at start-up with a
 * small bilingual company (teams, users of every role, accounts, contacts, four months of
 * activities and tasks) so that a newcomer sees a living CRM. Works only through the public APIs of
 * platform and customers, so every record is audited and announced like a user's.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data")
package org.rapport.demo;
