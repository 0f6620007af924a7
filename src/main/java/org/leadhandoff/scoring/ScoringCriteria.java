package org.leadhandoff.scoring;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The qualification criteria: every rule, weight, threshold and duration that decides where a lead
 * goes (the SLAs, lifecycle durations and call cadence have their own records beside the models
 * that use them). Read from {@code criteria.yaml} (see the README), validated at start-up; a bad
 * key stops start-up with a message that names it.
 *
 * @param version recorded with every score, so a review knows which criteria decided
 */
@Validated
@ConfigurationProperties("lead-handoff.criteria")
public record ScoringCriteria(
    @NotBlank String version,
    @NotNull @Valid Fit fit,
    @NotNull @Valid Engagement engagement,
    @NotNull @Valid Classification classification) {

  /**
   * Fit (profile) scoring.
   *
   * @param inProfileAt fit points from which a lead is IN_PROFILE
   * @param grades minimum points of grades A, B and C; below C is D
   */
  public record Fit(
      int inProfileAt,
      @NotNull @Valid Grades grades,
      @NotNull @Valid List<SizeBand> companySize,
      @DefaultValue("0") int unknownCompanySizePoints,
      @NotNull Map<String, Integer> industries,
      @DefaultValue("0") int unknownIndustryPoints,
      @NotNull Map<String, Integer> countries,
      @DefaultValue("0") int otherCountryPoints,
      @NotNull @Valid List<TitleRule> titles,
      @NotNull @Valid Email email,
      @NotNull @Valid List<AttributeRule> attributes) {}

  public record Grades(int a, int b, int c) {}

  /** Company sizes from {@code min} to {@code max} employees (no max: and more). */
  public record SizeBand(@PositiveOrZero int min, Integer max, int points) {}

  /**
   * A title rule fires when the title contains one of the words (case-blind, whole words).
   *
   * @param label what the rule means, shown in the explanation ("executive", "student")
   */
  public record TitleRule(@NotBlank String label, @NotEmpty List<String> words, int points) {}

  public record Email(
      int businessDomainPoints,
      int freeDomainPoints,
      @NotNull Set<String> freeDomains,
      int competitorDomainPoints,
      @NotNull Set<String> competitorDomains) {}

  /** A custom firmographic flag: fires when the lead's attribute equals the value (case-blind). */
  public record AttributeRule(
      @NotBlank String attribute, @NotBlank String equals, int points, String label) {}

  /**
   * Engagement (behaviour) scoring.
   *
   * @param mqlAt engagement points from which an in-profile lead is an MQL
   * @param halfLife after this long an event counts half as much
   * @param rescoreEvery how often a waiting lead's engagement is scored again, so decay shows
   * @param events weight of each event type; unknown event types are refused at intake
   */
  public record Engagement(
      int mqlAt,
      @NotNull Duration halfLife,
      @NotNull Duration rescoreEvery,
      @NotEmpty Map<String, @Valid EventWeight> events) {}

  /**
   * @param points per event (negative for a negative signal)
   * @param cap the most (or, for negative points, the least) all events of the type can add
   * @param handRaise the lead asked for sales: straight to MQL, whatever the points
   */
  public record EventWeight(int points, Integer cap, boolean handRaise) {}

  /**
   * Classification and priority.
   *
   * @param sourceCategories source (as captured) to category; anything else is MARKETING
   * @param priority task priority parts; referral and hot leads come first
   * @param segments company size segments for routing: name to the least employees
   */
  public record Classification(
      @NotNull Map<String, SourceCategory> sourceCategories,
      @NotNull @Valid Priority priority,
      @DefaultValue Map<String, Integer> segments) {

    /** The segment of a company of this size: the one with the most employees at or below it. */
    public String segment(Integer companySize) {
      if (companySize == null) {
        return null;
      }
      return segments.entrySet().stream()
          .filter(e -> e.getValue() <= companySize)
          .max(Map.Entry.comparingByValue())
          .map(Map.Entry::getKey)
          .orElse(null);
    }
  }

  public record Priority(int hot, int warm, int cold, int referral, int gradeA) {}
}
