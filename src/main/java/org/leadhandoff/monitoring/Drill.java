package org.leadhandoff.monitoring;

import org.leadhandoff.lead.Stage;

/**
 * One number of the funnel report, whose leads are asked for.
 *
 * @param stage for ENTERED, CONVERTED, STILL_THERE
 * @param role for SLA_MET, SLA_MISSED: QUALIFIER or SALES_REP
 * @param rep optionally, for SLA_MET, SLA_MISSED: one person's
 * @param key the reason, cause or source, for the other metrics
 */
public record Drill(
    ReportFilter filter, Metric metric, Stage stage, String role, String rep, String key) {}
