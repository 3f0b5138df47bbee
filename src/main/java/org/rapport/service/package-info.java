/**
 * Customer service: tickets with queues, assignment and SLAs in business time, escalation, complaints
 * and feedback, CSAT and NPS surveys, mail in and out, and service metrics.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Service")
package org.rapport.service;
