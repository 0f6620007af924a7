package org.leadhandoff.scoring;

/**
 * One rule that fired and what it gave: the explanation shown wherever a score is shown.
 *
 * @param rule the rule's key in the criteria, e.g. {@code fit.industries}
 * @param detail what the rule saw, e.g. {@code industry software}
 */
public record ScoreLine(String rule, int points, String detail) {}
