/**
 * The shared base of Rapport: users and teams, security, the audit trail, internationalisation,
 * errors, paging and the web layout. Depends on no business module; open to all of them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform",
		type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.rapport.platform;
