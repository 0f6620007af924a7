package org.leadhandoff.tasks;

import org.leadhandoff.system.MessageCatalogue;
import org.leadhandoff.system.Why;

/**
 * The task cannot be acted on now: claimed by someone else, or no longer open. Why is kept as a
 * code with facts, so the inbox says it in its reader's words.
 */
public class TaskConflictException extends RuntimeException {

  private final transient Why why;

  public TaskConflictException(Why why) {
    super(MessageCatalogue.english(why));
    this.why = why;
  }

  public Why why() {
    return why;
  }
}
