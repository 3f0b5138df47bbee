package org.rapport.platform;

/**
 * Implemented by business modules so that platform features (the audit history, later exports)
 * can ask whether an actor may see a record without knowing the module.
 */
public interface RecordVisibility {

	boolean supports(String entityType);

	boolean canSee(Actor actor, String entityType, String entityId);

}
