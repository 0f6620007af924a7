package org.leadhandoff.process;

import java.util.Set;

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
    public static final String SALES_HANDOFF = "sales-handoff";

    private Processes() {}
  }

  /** The candidate groups of the human tasks (the models' zeebe:assignmentDefinition). */
  public static final class CandidateGroups {
    public static final String QUALIFIERS = "qualifiers";
    public static final String SALES = "sales";

    private CandidateGroups() {}
  }

  /** Message names; all but the start message correlate on the lead id. */
  public static final class Messages {
    /** Starts a lead's lifecycle (a message start event); the outbox keys it by the lead id. */
    public static final String LEAD_CAPTURED = "Msg_LeadCaptured";

    /** An engagement event arrived for the lead; correlation key is the lead id. */
    public static final String LEAD_ENGAGED = "Msg_LeadEngaged";

    /** New profile data arrived for the lead (a later capture); correlation key is the lead id. */
    public static final String LEAD_PROFILE_UPDATED = "Msg_LeadProfileUpdated";

    /** A person disqualified the lead outside a task; correlation key is the lead id. */
    public static final String LEAD_DISQUALIFIED = "Msg_LeadDisqualified";

    /** Ends the lifecycle of a lead whose personal data was erased (no stage is recorded). */
    public static final String LEAD_ERASED = "Msg_LeadErased";

    /**
     * A manager handed the lead's phone qualification to someone (or to the team queue), or its
     * owner gave it back; correlation key is the lead id. Interrupts the task, which is routed
     * again as the message's {@code handOver*} variables say.
     */
    public static final String QUALIFICATION_HANDED_OVER = "Msg_QualificationHandedOver";

    /** The same for the sales acceptance (a lead has one of the two open at a time). */
    public static final String SALES_HANDED_OVER = "Msg_SalesHandedOver";

    /** The hand-over message of a human task's process. */
    public static String handedOver(String processId) {
      return switch (processId) {
        case Processes.PHONE_QUALIFICATION -> QUALIFICATION_HANDED_OVER;
        case Processes.SALES_HANDOFF -> SALES_HANDED_OVER;
        default -> throw new IllegalArgumentException("No hand-over in " + processId);
      };
    }

    private Messages() {}
  }

  /** Job types served by the workers. */
  public static final class Jobs {
    /** Milestone events (message throw events): record the stage named in their header. */
    public static final String RECORD_STAGE = "record-stage";

    public static final String SCORE_FIT = "score-fit";
    public static final String SCORE_ENGAGEMENT = "score-engagement";
    public static final String CLASSIFY_LEAD = "classify-lead";
    public static final String RESET_ENGAGEMENT = "reset-engagement";
    public static final String PLAN_RECYCLE = "plan-recycle";
    public static final String PLAN_CALL_ATTEMPT = "plan-call-attempt";

    /** Gives the lead to a person of the role in the {@code role} header. */
    public static final String ROUTE_LEAD = "route-lead";

    /** The SLA ladder: reminder, reroute, escalation; and the kind of a rep's rejection. */
    public static final String REMIND_OWNER = "remind-owner";

    public static final String PLAN_REROUTE = "plan-reroute";
    public static final String ESCALATE = "escalate-to-manager";
    public static final String CLASSIFY_REJECTION = "classify-rejection";

    /** End listener of the user tasks: records the human decision and who made it. */
    public static final String RECORD_DECISION = "record-decision";

    /** End listener of the human tasks: frees the owner's capacity. */
    public static final String RELEASE_ASSIGNMENT = "release-assignment";

    /** The job type the engine gives job-worker user tasks. */
    public static final String USER_TASK = "io.camunda.zeebe:userTask";

    private Jobs() {}
  }

  /** Task headers read by the workers. */
  public static final class Headers {
    /** On a milestone event: the stage the lead reaches there. */
    public static final String STAGE = "stage";

    /** On a routing task: QUALIFIER or SALES_REP. */
    public static final String ROLE = "role";

    private Headers() {}
  }

  /**
   * Every process variable a model, a form or a worker reads or writes, each named here once (the
   * contract test fails on a name that is missing here or used nowhere). The process carries the
   * lead id and what the scores and the people decided, never contact data.
   */
  public static final class Variables {
    // Set by the application: the start message and the inbox's completion of a task.
    public static final String LEAD_ID = "leadId";

    /** The lead's page in this application, for forms shown in Tasklist. */
    public static final String LEAD_URL = "leadUrl";

    /** Set by the inbox when a person completes a task there: their user id. */
    public static final String COMPLETED_BY = "completedBy";

    // Scoring and classification (lead-lifecycle).
    public static final String FIT_OUTCOME = "fitOutcome";
    public static final String FIT_GRADE = "fitGrade";
    public static final String FIT_POINTS = "fitPoints";

    /** Set by score-fit: points, grade and criteria version, the reason of the fit stages. */
    public static final String FIT_FACTS = "fitFacts";

    public static final String OUT_OF_PROFILE_CLOSE_AFTER = "outOfProfileCloseAfter";
    public static final String ENGAGEMENT_OUTCOME = "engagementOutcome";
    public static final String ENGAGEMENT_POINTS = "engagementPoints";

    /** Set by score-engagement: ENGAGEMENT_SCORED or ENGAGEMENT_HAND_RAISE, the MQL's reason. */
    public static final String ENGAGEMENT_REASON_CODE = "engagementReasonCode";

    /** Set by score-engagement: points, the MQL threshold and the criteria version. */
    public static final String ENGAGEMENT_FACTS = "engagementFacts";

    public static final String ENGAGEMENT_RESCORE_IN = "engagementRescoreIn";
    public static final String TEMPERATURE = "temperature";
    public static final String PRIORITY = "priority";
    public static final String SOURCE_CATEGORY = "sourceCategory";

    /**
     * Set by score-fit from the lead it scored: its country (ISO code) and company size, which the
     * routing table reads. Neither names a person; both stay in the funnel after an erasure.
     */
    public static final String COUNTRY = "country";

    public static final String COMPANY_SIZE = "companySize";

    /** Local input of the routing table: the role the task is for (QUALIFIER, SALES_REP). */
    public static final String ROLE = "role";

    /**
     * The routing table's result: {@code {team, rule}} of the first row that matched, or null when
     * none did (the default team then).
     */
    public static final String ROUTING_TEAM = "routingTeam";

    // The phone-qualification form and what follows an unanswered call.
    public static final String QUALIFICATION_OUTCOME = "qualificationOutcome";
    public static final String DISQUALIFICATION_REASON = "disqualificationReason";
    public static final String MIS_SCORED_REASON = "misScoredReason";
    public static final String REVISIT_DATE = "revisitDate";
    public static final String BUDGET_CONFIRMED = "budgetConfirmed";
    public static final String AUTHORITY_CONFIRMED = "authorityConfirmed";
    public static final String NEED_CONFIRMED = "needConfirmed";
    public static final String TIMING_CONFIRMED = "timingConfirmed";
    public static final String PAIN_POINTS = "painPoints";
    public static final String PRIORITIES = "priorities";
    public static final String COMPELLING_EVENT = "compellingEvent";
    public static final String QUALIFICATION_NOTES = "qualificationNotes";
    public static final String CALL_ATTEMPTS = "callAttempts";
    public static final String CALL_ATTEMPT_OUTCOME = "callAttemptOutcome";
    public static final String CALL_RETRY_IN = "callRetryIn";

    // The sales-acceptance form and the rejection.
    public static final String SALES_DECISION = "salesDecision";
    public static final String EXPECTED_CLOSE_DATE = "expectedCloseDate";
    public static final String AMOUNT = "amount";
    public static final String REJECTION_REASON = "rejectionReason";
    public static final String FOLLOW_UPS_DONE = "followUpsDone";
    public static final String REJECTION_NOTES = "rejectionNotes";
    public static final String REJECTION_KIND = "rejectionKind";

    // Routing and the SLA ladder (phone-qualification, sales-handoff).
    public static final String ASSIGNEE = "assignee";
    public static final String DUE_AT = "dueAt";
    public static final String REMIND_AT = "remindAt";
    public static final String REROUTE = "reroute";
    public static final String REROUTES = "reroutes";

    /** How often the task's deadline passed (a rep's "not me" is a reroute, not a miss). */
    public static final String SLA_MISSES = "slaMisses";

    public static final String REROUTE_OUTCOME = "rerouteOutcome";

    /**
     * Set by a hand-over message, read and cleared by the routing that follows: the person the task
     * goes to (empty: the team queue), who handed it over, and why.
     */
    public static final String HAND_OVER_TO = "handOverTo";

    public static final String HAND_OVER_BY = "handOverBy";
    public static final String HAND_OVER_REASON = "handOverReason";

    // Recycling (lead-lifecycle).
    public static final String RECYCLE_WAIT = "recycleWait";

    /** Set by plan-recycle: the facts of its reason (revisit date, attempts, the rep's notes). */
    public static final String RECYCLE_FACTS = "recycleFacts";

    /** Set by plan-recycle: why the lead is recycled, as a {@code RecycleReason}. */
    public static final String RECYCLE_REASON_CODE = "recycleReasonCode";

    /**
     * Local input of a milestone event: why the lead enters the stage, as a code with words in the
     * catalogue ({@code why.<code>} or {@code reason.<code>}); reports count it.
     */
    public static final String STAGE_REASON_CODE = "stageReasonCode";

    /** Local input of a milestone event: the reason's facts, a FEEL context. */
    public static final String STAGE_FACTS = "stageFacts";

    /**
     * Set outside the job workers: the lifecycle's start message (the lead and its page), the
     * disqualification message (its reason), the inbox's completion of a task (who did it) and a
     * hand-over (to whom, by whom, why).
     */
    public static final Set<String> SET_BY_APPLICATION =
        Set.of(
            LEAD_ID,
            LEAD_URL,
            DISQUALIFICATION_REASON,
            COMPLETED_BY,
            HAND_OVER_TO,
            HAND_OVER_BY,
            HAND_OVER_REASON);

    /**
     * Read outside the job workers: the inbox orders its queue by the task's priority and shows its
     * temperature and missed deadlines, and checks the form's dates and the prescribed follow-ups
     * of a rejection.
     */
    public static final Set<String> READ_BY_APPLICATION =
        Set.of(
            PRIORITY, TEMPERATURE, REVISIT_DATE, EXPECTED_CLOSE_DATE, FOLLOW_UPS_DONE, SLA_MISSES);

    private Variables() {}
  }

  /** Decision ids (the file under {@code bpmn/} has the same name, .dmn). */
  public static final class Decisions {
    /** Which team of the task's role serves a lead. */
    public static final String ROUTING_TEAM = "routing-team";

    private Decisions() {}
  }

  /** Form ids (the file under {@code forms/} has the same name). */
  public static final class Forms {
    public static final String PHONE_QUALIFICATION = "phone-qualification";
    public static final String SALES_ACCEPTANCE = "sales-acceptance";

    private Forms() {}
  }
}
