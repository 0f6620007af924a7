package org.leadhandoff.monitoring;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.leadhandoff.system.MessageCatalogue;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Leads", description = "Read leads, their scores and history")
class TimelineController {

  private final TimelineService timelines;
  private final MessageCatalogue catalogue;

  TimelineController(TimelineService timelines, MessageCatalogue catalogue) {
    this.timelines = timelines;
    this.catalogue = catalogue;
  }

  @GetMapping("/api/leads/{leadId}/timeline")
  @Operation(
      summary =
          "Everything that happened to a lead, in order, with who or which rule did it: stages,"
              + " scores, engagement, routing, decisions, SLA events and mails. The summaries"
              + " and names are in the language asked for (lang, else Accept-Language, else"
              + " English); facts holds the codes behind them.")
  List<TimelineEntry> timeline(
      @PathVariable UUID leadId,
      @RequestParam(required = false) String lang,
      @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String accepted) {
    return timelines.timeline(leadId, catalogue.language(lang, accepted));
  }
}
