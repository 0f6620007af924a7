package org.leadhandoff.routing;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Routing beside its table ({@code bpmn/routing-team.dmn}).
 *
 * @param defaultTeam the team that serves a lead no row of the routing table matches ({@code *}:
 *     everyone of the role); the routing log says the table had no row for it
 */
@Validated
@ConfigurationProperties("lead-handoff.routing")
public record RoutingSettings(@DefaultValue("*") @NotBlank String defaultTeam) {}
