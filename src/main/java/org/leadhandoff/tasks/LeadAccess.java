package org.leadhandoff.tasks;

import java.util.Set;
import java.util.UUID;
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

  LeadAccess(TaskStore tasks, JdbcClient jdbc) {
    this.tasks = tasks;
    this.jdbc = jdbc;
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
    return jdbc.sql(
                """
                select count(*) from assignment a where a.lead_id = ? and a.rep_id = ?
                and (a.state = 'OPEN'
                     or (a.role = 'SALES_REP'
                         and exists (select 1 from lead l where l.id = a.lead_id
                                     and l.stage = 'OPPORTUNITY')
                         and a.id = (select max(b.id) from assignment b
                                     where b.lead_id = a.lead_id and b.role = 'SALES_REP')))
                """)
            .params(leadId, user)
            .query(Long.class)
            .single()
        > 0;
  }
}
