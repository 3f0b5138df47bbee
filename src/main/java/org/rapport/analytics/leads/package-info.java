/**
 * Lead scoring: the features of a lead, the cold-start rules and the training with a time-based
 * hold-out, on the churn pipeline's logistic regression.
 */
package org.rapport.analytics.leads;
