package org.leadhandoff.process;

/**
 * The contract between the BPMN models in {@code bpmn/} and the Java code: process ids, message
 * names, job types, headers and variable names, each defined here once.
 */
public final class LeadProcess {

  private LeadProcess() {}

  /** Process ids (the file under {@code bpmn/} has the same name). */
  public static final class Processes {
    public static final String LEAD_LIFECYCLE = "lead-lifecycle";
    public static final String PHONE_QUALIFICATION = "phone-qualification";

    private Processes() {}
  }

  /** Message names. */
  public static final class Messages {
    /** Starts a lead's lifecycle; correlation key is the lead's normalised email. */
    public static final String LEAD_CAPTURED = "Msg_LeadCaptured";

    private Messages() {}
  }

  /** Job types served by the workers. */
  public static final class Jobs {
    /** Milestone events (message throw events): record the stage named in their header. */
    public static final String RECORD_STAGE = "record-stage";

    /** The job type the engine gives job-worker user tasks. */
    public static final String USER_TASK = "io.camunda.zeebe:userTask";

    private Jobs() {}
  }

  /** Task headers read by the workers. */
  public static final class Headers {
    /** On a milestone event: the stage the lead reaches there. */
    public static final String STAGE = "stage";

    private Headers() {}
  }

  /** Process variables. The process carries the lead id, never contact data. */
  public static final class Variables {
    public static final String LEAD_ID = "leadId";
    public static final String QUALIFICATION_OUTCOME = "qualificationOutcome";
    public static final String DISQUALIFICATION_REASON = "disqualificationReason";

    /** Local input of a milestone event: why the lead enters the stage, where that varies. */
    public static final String STAGE_REASON = "stageReason";

    private Variables() {}
  }

  /** Form ids (the file under {@code forms/} has the same name). */
  public static final class Forms {
    public static final String PHONE_QUALIFICATION = "phone-qualification";

    private Forms() {}
  }
}
