package org.leadhandoff.scoring;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.leadhandoff.scoring.ScoringCriteria.AttributeRule;
import org.leadhandoff.scoring.ScoringCriteria.Fit;
import org.leadhandoff.scoring.ScoringCriteria.SizeBand;
import org.leadhandoff.scoring.ScoringCriteria.TitleRule;
import org.springframework.stereotype.Service;

/**
 * Scores how well a lead fits the company's ideal customer profile: company size, industry,
 * country, title, email domain and custom attributes. Every dimension adds one explanation line.
 */
@Service
public class FitScoring {

  private final Fit fit;
  private final Map<String, Integer> industries;
  private final Map<String, Integer> countries;
  private final Set<String> freeDomains;
  private final Set<String> competitorDomains;

  /** Each title rule's words, lower case between spaces, made once (not per lead). */
  private final List<List<String>> paddedTitleWords;

  public FitScoring(ScoringCriteria criteria) {
    this.fit = criteria.fit();
    this.paddedTitleWords =
        fit.titles().stream()
            .map(
                rule ->
                    rule.words().stream().map(w -> " " + w.toLowerCase(Locale.ROOT) + " ").toList())
            .toList();
    this.industries = lowerKeys(fit.industries());
    this.countries = upperKeys(fit.countries());
    this.freeDomains = lower(fit.email().freeDomains());
    this.competitorDomains = lower(fit.email().competitorDomains());
  }

  public FitScore score(FitProfile profile) {
    List<ScoreLine> lines = new ArrayList<>(6 + fit.attributes().size());
    lines.add(companySize(profile.companySize()));
    lines.add(industry(profile.industry()));
    lines.add(country(profile.country()));
    ScoreLine title = title(profile.title());
    if (title != null) {
      lines.add(title);
    }
    lines.add(email(profile.email()));
    for (AttributeRule rule : fit.attributes()) {
      String value = profile.attributes().get(rule.attribute());
      if (value != null && value.strip().equalsIgnoreCase(rule.equals())) {
        String label =
            rule.label() != null ? rule.label() : rule.attribute() + " = " + rule.equals();
        lines.add(
            new ScoreLine("fit.attributes", rule.points(), label)
                .said("ATTRIBUTE", "label", label));
      }
    }
    int points = 0;
    for (ScoreLine line : lines) {
      points += line.points();
    }
    return new FitScore(points, grade(points), points >= fit.inProfileAt(), lines);
  }

  Grade grade(int points) {
    if (points >= fit.grades().a()) {
      return Grade.A;
    }
    if (points >= fit.grades().b()) {
      return Grade.B;
    }
    return points >= fit.grades().c() ? Grade.C : Grade.D;
  }

  private ScoreLine companySize(Integer size) {
    if (size != null) {
      for (SizeBand band : fit.companySize()) {
        if (size >= band.min() && (band.max() == null || size <= band.max())) {
          String range = band.max() == null ? band.min() + "+" : band.min() + "-" + band.max();
          return new ScoreLine(
                  "fit.company-size", band.points(), size + " employees (" + range + ")")
              .said("SIZE", "size", size, "range", range);
        }
      }
    }
    return new ScoreLine(
            "fit.unknown-company-size-points",
            fit.unknownCompanySizePoints(),
            "company size unknown")
        .said("SIZE_UNKNOWN");
  }

  private ScoreLine industry(String industry) {
    if (industry == null || industry.isBlank()) {
      return new ScoreLine(
              "fit.unknown-industry-points", fit.unknownIndustryPoints(), "industry unknown")
          .said("INDUSTRY_UNKNOWN");
    }
    String key = Keys.normalise(industry);
    Integer points = industries.get(key);
    return points != null
        ? new ScoreLine("fit.industries", points, "industry " + key)
            .said("INDUSTRY", "industry", key)
        : new ScoreLine(
                "fit.unknown-industry-points",
                fit.unknownIndustryPoints(),
                "industry " + key + " not in the criteria")
            .said("INDUSTRY_OTHER", "industry", key);
  }

  private ScoreLine country(String country) {
    if (country == null || country.isBlank()) {
      return new ScoreLine("fit.other-country-points", fit.otherCountryPoints(), "country unknown")
          .said("COUNTRY_UNKNOWN");
    }
    String key = country.strip().toUpperCase(Locale.ROOT);
    Integer points = countries.get(key);
    return points != null
        ? new ScoreLine("fit.countries", points, "country " + key).said("COUNTRY", "country", key)
        : new ScoreLine("fit.other-country-points", fit.otherCountryPoints(), "country " + key)
            .said("COUNTRY", "country", key);
  }

  /** The first title rule whose word or phrase the title contains, as whole words. */
  private ScoreLine title(String title) {
    if (title == null || title.isBlank()) {
      return null;
    }
    String words =
        " " + Keys.SEPARATORS.matcher(title.toLowerCase(Locale.ROOT)).replaceAll(" ") + " ";
    for (int r = 0; r < fit.titles().size(); r++) {
      TitleRule rule = fit.titles().get(r);
      List<String> padded = paddedTitleWords.get(r);
      for (int w = 0; w < padded.size(); w++) {
        String word = rule.words().get(w);
        if (words.contains(padded.get(w))) {
          return new ScoreLine(
                  "fit.titles", rule.points(), rule.label() + " (title has '" + word + "')")
              .said("TITLE", "label", rule.label(), "word", word);
        }
      }
    }
    return null;
  }

  private ScoreLine email(String email) {
    String domain = domain(email);
    if (domain == null) {
      return new ScoreLine("fit.email", 0, "email domain unknown").said("EMAIL_UNKNOWN");
    }
    if (competitorDomains.contains(domain)) {
      return new ScoreLine(
              "fit.email.competitor-domain-points",
              fit.email().competitorDomainPoints(),
              "competitor domain " + domain)
          .said("EMAIL_COMPETITOR", "domain", domain);
    }
    if (freeDomains.contains(domain)) {
      return new ScoreLine(
              "fit.email.free-domain-points",
              fit.email().freeDomainPoints(),
              "free email " + domain)
          .said("EMAIL_FREE", "domain", domain);
    }
    return new ScoreLine(
            "fit.email.business-domain-points",
            fit.email().businessDomainPoints(),
            "business email " + domain)
        .said("EMAIL_BUSINESS", "domain", domain);
  }

  static String domain(String email) {
    if (email == null) {
      return null;
    }
    int at = email.lastIndexOf('@');
    if (at < 0 || at == email.length() - 1) {
      return null;
    }
    return email.substring(at + 1).strip().toLowerCase(Locale.ROOT);
  }

  private static Map<String, Integer> lowerKeys(Map<String, Integer> map) {
    Map<String, Integer> result = new HashMap<>();
    map.forEach((k, v) -> result.put(Keys.normalise(k), v));
    return Map.copyOf(result);
  }

  private static Map<String, Integer> upperKeys(Map<String, Integer> map) {
    Map<String, Integer> result = new HashMap<>();
    map.forEach((k, v) -> result.put(k.strip().toUpperCase(Locale.ROOT), v));
    return Map.copyOf(result);
  }

  private static Set<String> lower(Set<String> values) {
    return values.stream()
        .map(v -> v.strip().toLowerCase(Locale.ROOT))
        .collect(Collectors.toUnmodifiableSet());
  }
}
