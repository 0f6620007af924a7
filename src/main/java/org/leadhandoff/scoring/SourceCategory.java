package org.leadhandoff.scoring;

/** Where a lead came from, in the categories sales and marketing report on. */
public enum SourceCategory {
  MARKETING,
  SALES_SOURCED,
  REFERRAL,
  PARTNER
}
