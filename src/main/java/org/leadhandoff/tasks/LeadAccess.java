package org.leadhandoff.tasks;

import java.util.Set;
import java.util.UUID;
import org.leadhandoff.lead.LeadStore;
import org.leadhandoff.security.AppRole;
import org.leadhandoff.security.LeadReadPolicy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A qualifier reads the leads of the qualification queue and those routed to them; a sales rep the
 * leads routed to them, those waiting unowned in the sales queue, and the opportunities they
 * accepted. Nobody else's: a lead that left a person's queue (rerouted, rejected as not theirs) is
 * no longer theirs to read. Managers, marketing and admins read all leads.
 */
@Component
class LeadAccess implements LeadReadPolicy {

  private static final Set<AppRole> READ_ALL =
      Set.of(AppRole.SALES_MANAGER, AppRole.MARKETING, AppRole.ADMIN);

  private final TaskStore tasks;
  private final JdbcClient jdbc;
  private final LeadStore leads;

  LeadAccess(TaskStore tasks, JdbcClient jdbc, LeadStore leads) {
    this.tasks = tasks;
    this.jdbc = jdbc;
    this.leads = leads;
  }

  @Override
  public boolean mayRead(String user, Set<AppRole> roles, UUID leadId) {
    if (roles.stream().anyMatch(READ_ALL::contains)) {
      return true;
    }
    TaskAccess access = new TaskAccess(user, roles);
    if (tasks.openForLead(leadId).stream().anyMatch(access::sees)) {
      return true;
    }
    if (jdbc.sql(
                "select count(*) from assignment where lead_id = ? and rep_id = ? and state = 'OPEN'")
            .params(leadId, user)
            .query(Long.class)
            .single()
        > 0) {
      return true;
    }
    // The opportunities a rep accepted: the lead's owner is who accepted it (before that stage
    // the owner is the open assignment's person, checked above).
    return user.equals(leads.owner(leadId).orElse(null));
  }
}
