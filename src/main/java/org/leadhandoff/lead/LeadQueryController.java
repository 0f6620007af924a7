package org.leadhandoff.lead;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.UUID;
import org.leadhandoff.lead.LeadViews.LeadPage;
import org.leadhandoff.lead.LeadViews.LeadSummary;
import org.leadhandoff.lead.LeadViews.LeadView;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reads leads: stage, scores with their explanation, classification and stage history. */
@RestController
@RequestMapping("/api/leads")
@Validated
@Tag(name = "Leads", description = "Read leads, their scores and history")
class LeadQueryController {

  private final LeadStore store;
  private final LeadActivities activities;

  LeadQueryController(LeadStore store, LeadActivities activities) {
    this.store = store;
    this.activities = activities;
  }

  @GetMapping("/{leadId}")
  @Operation(
      summary =
          "A lead with its scores, their explanation, its stage history and what was done with its"
              + " tasks")
  LeadView lead(@PathVariable UUID leadId) {
    Lead lead = store.find(leadId).orElseThrow(() -> new LeadNotFoundException(leadId));
    return LeadView.of(
        lead,
        store.owner(leadId).orElse(null),
        store.scores(leadId),
        store.history(leadId),
        activities.of(leadId));
  }

  @GetMapping
  @Operation(summary = "Leads, most recently changed first, optionally in one stage")
  LeadPage leads(
      @RequestParam(required = false) Stage stage,
      @RequestParam(defaultValue = "50")
          @Min(value = 1, message = "must be 1 or more")
          @Max(value = 500, message = "must be at most 500")
          int limit,
      @RequestParam(defaultValue = "0") @Min(value = 0, message = "must be 0 or more") int offset) {
    return new LeadPage(
        LeadSummary.of(store.list(stage, limit, offset), store), store.count(stage), limit, offset);
  }
}
