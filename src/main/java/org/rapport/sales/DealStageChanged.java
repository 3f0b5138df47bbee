package org.rapport.sales;

/**
 * Published when a deal moved to another stage (including won and lost).
 *
 * @param dealId the deal
 * @param fromStage key of the stage it left, {@code null} for a new deal
 * @param toStage key of the stage it entered
 * @param outcome open, won or lost
 */
public record DealStageChanged(long dealId, String fromStage, String toStage, String outcome) {
}
