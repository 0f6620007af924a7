package org.leadhandoff.scoring;

/**
 * How ready a lead is to buy: HOT when budget, authority, need and timing are all confirmed or a
 * grade-A lead raised its hand; WARM when engaged enough or it raised its hand; COLD otherwise.
 */
public enum Temperature {
  HOT,
  WARM,
  COLD
}
