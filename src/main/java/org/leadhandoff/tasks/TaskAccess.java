package org.leadhandoff.tasks;

import java.util.Set;
import org.leadhandoff.process.LeadProcess.CandidateGroups;
import org.leadhandoff.security.AppRole;
import org.leadhandoff.web.ApiException;
import org.springframework.http.HttpStatus;

/**
 * Whose tasks a person sees and may work: a qualifier the qualification queue, a sales rep the
 * leads handed to them and the team's unowned ones, a manager (or admin) the whole team's.
 *
 * @param user the signed-in name; for qualifiers and reps their roster id, which tasks name
 */
public record TaskAccess(String user, Set<AppRole> roles) {

  public boolean manager() {
    return roles.contains(AppRole.SALES_MANAGER) || roles.contains(AppRole.ADMIN);
  }

  /** The one queue this person works, or null for a manager, who sees them all. */
  public String group() {
    if (manager()) {
      return null;
    }
    if (roles.contains(AppRole.QUALIFIER)) {
      return CandidateGroups.QUALIFIERS;
    }
    return roles.contains(AppRole.SALES_REP) ? CandidateGroups.SALES : null;
  }

  public boolean sees(Task task) {
    if (manager()) {
      return true;
    }
    boolean mine = user.equals(task.assignee());
    boolean unowned = task.assignee() == null || task.assignee().isEmpty();
    if (roles.contains(AppRole.QUALIFIER)
        && task.candidateGroups().contains(CandidateGroups.QUALIFIERS)) {
      return true;
    }
    return roles.contains(AppRole.SALES_REP)
        && (mine || (unowned && task.candidateGroups().contains(CandidateGroups.SALES)));
  }

  /**
   * The task, if it is in this person's queue. Who may claim or complete it among those who see it
   * is the task service's rule (its owner, or anyone while nobody owns it).
   *
   * @throws ApiException 403 otherwise
   */
  public Task visible(Task task) {
    if (!sees(task)) {
      throw new ApiException(
          HttpStatus.FORBIDDEN, "Not your task", "This task is not in your queue.");
    }
    return task;
  }
}
