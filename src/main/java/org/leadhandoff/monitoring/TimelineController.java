package org.leadhandoff.monitoring;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Leads", description = "Read leads, their scores and history")
class TimelineController {

  private final TimelineService timelines;

  TimelineController(TimelineService timelines) {
    this.timelines = timelines;
  }

  @GetMapping("/api/leads/{leadId}/timeline")
  @Operation(
      summary =
          "Everything that happened to a lead, in order, with who or which rule did it: stages,"
              + " scores, engagement, routing, decisions, SLA events and mails")
  List<TimelineEntry> timeline(@PathVariable UUID leadId) {
    return timelines.timeline(leadId);
  }
}
