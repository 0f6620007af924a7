package org.leadhandoff.lead;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.leadhandoff.scoring.Classification;
import org.leadhandoff.scoring.EngagementScore;
import org.leadhandoff.scoring.FitScore;
import org.leadhandoff.scoring.Grade;
import org.leadhandoff.scoring.ScoreLine;
import org.leadhandoff.scoring.SourceCategory;
import org.leadhandoff.scoring.Temperature;
import org.leadhandoff.system.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Leads and their stage history in the relational lead store. */
@Repository
public class LeadStore {

  private final JdbcClient jdbc;
  private final Clock clock;
  private final Json json;

  public LeadStore(JdbcClient jdbc, Clock clock, ObjectMapper mapper) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.json = new Json(mapper);
  }

  public Optional<Lead> find(UUID id) {
    return jdbc.sql("select * from lead where id = ?").param(id).query(this::lead).optional();
  }

  /** Several leads in one query, by id (unknown ids are left out). */
  public java.util.Map<UUID, Lead> find(java.util.Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return java.util.Map.of();
    }
    return jdbc
        .sql("select * from lead where id in (:ids)")
        .param("ids", java.util.List.copyOf(new java.util.HashSet<>(ids)))
        .query(this::lead)
        .list() // not stream(): a stream keeps its connection until closed
        .stream()
        .collect(java.util.stream.Collectors.toMap(Lead::id, lead -> lead));
  }

  /**
   * Who works each lead now: in SAL the qualifier routing gave it to, in SQL the sales rep, in
   * OPPORTUNITY the rep who accepted it (the last one it went to). Leads in other stages, or
   * waiting in a team's queue, have none. Read from routing's assignments, which say who had a
   * lead's task and whether they still have it.
   */
  public java.util.Map<UUID, String> owners(java.util.Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return java.util.Map.of();
    }
    java.util.Map<UUID, String> owners = new java.util.HashMap<>();
    jdbc.sql(
            """
            select l.id, a.rep_id, a.id as assignment
            from lead l join assignment a on a.lead_id = l.id
            where l.id in (:ids)
              and ((l.stage = 'SAL' and a.role = 'QUALIFIER' and a.state = 'OPEN')
                or (l.stage = 'SQL' and a.role = 'SALES_REP' and a.state = 'OPEN')
                or (l.stage = 'OPPORTUNITY' and a.role = 'SALES_REP'))
            order by a.id
            """)
        .param("ids", java.util.List.copyOf(new java.util.HashSet<>(ids)))
        .query((rs, n) -> owners.put(rs.getObject("id", UUID.class), rs.getString("rep_id")))
        .list();
    // An opportunity is the rep's who accepted it: taken over from the team queue, that is someone
    // routing never gave it to, and whose assignment was not the last.
    jdbc.sql(
            """
            select d.lead_id, d.actor from lead_activity d join lead l on l.id = d.lead_id
            where d.lead_id in (:ids) and l.stage = 'OPPORTUNITY' and d.kind = 'DECISION'
              and d.role = 'SALES_REP' and d.code = 'ACCEPT' and d.actor is not null
            order by d.id
            """)
        .param("ids", java.util.List.copyOf(new java.util.HashSet<>(ids)))
        .query((rs, n) -> owners.put(rs.getObject("lead_id", UUID.class), rs.getString("actor")))
        .list();
    return owners;
  }

  /** When the recycled lead returns to the funnel, as planned now (a retry writes the same). */
  public void revisitOn(UUID id, java.time.Instant revisitAt) {
    jdbc.sql("update lead set revisit_at = ? where id = ?")
        .params(Timestamps.utc(revisitAt), id)
        .update();
  }

  public Optional<String> owner(UUID id) {
    return Optional.ofNullable(owners(List.of(id)).get(id));
  }

  public Optional<Lead> findByEmail(String email) {
    return jdbc.sql("select * from lead where email_key = ?")
        .param(Emails.normalise(email))
        .query(this::lead)
        .optional();
  }

  /**
   * Creates a lead in stage NAME and records its capture in the history.
   *
   * @throws org.springframework.dao.DuplicateKeyException when the email is already a lead
   */
  @Transactional
  public Lead create(LeadContact contact, String capturedBy) {
    UUID id = UUID.randomUUID();
    OffsetDateTime now = Timestamps.now(clock);
    contactParams(
            jdbc.sql(
                """
                insert into lead (id, email_key, email, first_name, last_name, phone, company,
                                  company_size, industry, title, country, source, referred_by,
                                  attributes, consent, stage, engagement_since, created_at,
                                  updated_at)
                values (:id, :emailKey, :email, :firstName, :lastName, :phone, :company,
                        :companySize, :industry, :title, :country, :source, :referredBy,
                        :attributes, :consent, :stage, null, :now, :now)
                """),
            contact)
        .param("id", id)
        .param("emailKey", Emails.normalise(contact.email()))
        .param("stage", Stage.NAME.name())
        .param("now", now)
        .update();
    insertChange(
        id,
        null,
        Stage.NAME,
        "captured" + (contact.source() == null ? "" : " from " + contact.source()),
        "CAPTURED",
        org.leadhandoff.system.Why.of("CAPTURED").with("source", contact.source()).factsJson(),
        capturedBy,
        null,
        now);
    return find(id).orElseThrow();
  }

  /**
   * Removes the lead's contact data for an erasure request, keeping what the funnel counts (id,
   * stage and history, scores, source, segment: size, industry, country). The email key is
   * replaced, so the same person can be captured afresh as a new lead. Free text that may name the
   * person goes too: engagement event details and events still waiting for this email. The other
   * capabilities forget what they hold about the lead on {@link LeadErased} (mail, tasks, routing).
   *
   * @return false if the lead was erased before (nothing changes)
   * @throws LeadNotFoundException when the lead is not in the store
   */
  @Transactional
  public boolean erase(UUID leadId, String reason) {
    Lead lead = lockedLead(leadId);
    if (lead.erasedAt() != null) {
      return false;
    }
    OffsetDateTime now = Timestamps.now(clock);
    jdbc.sql(
            """
            update lead set email_key = :key, email = '', first_name = null, last_name = null,
                            phone = null, company = null, title = null, referred_by = null,
                            attributes = null, erased_at = :now, erasure_reason = :reason,
                            updated_at = :now
            where id = :id
            """)
        .param("key", "erased:" + leadId)
        .param("now", now)
        .param("reason", reason)
        .param("id", leadId)
        .update();
    jdbc.sql("update engagement_event set detail = null where lead_id = ?").param(leadId).update();
    jdbc.sql("delete from pending_engagement_event where email_key = ?")
        .param(lead.emailKey())
        .update();
    return true;
  }

  /**
   * Moves a lead to a stage and appends the change to its history, once per idempotency key: a
   * retried worker that calls this again with the same key changes nothing.
   *
   * @return true if the change was recorded now; false if the key had been recorded before, or the
   *     lead is in that stage already (a rescore that confirms the stage is no change)
   * @throws LeadNotFoundException when the lead is not in the store
   */
  @Transactional
  public boolean changeStage(
      UUID leadId, Stage to, String reason, String changedBy, String idempotencyKey) {
    return changeStage(leadId, to, reason, null, changedBy, idempotencyKey);
  }

  /**
   * @param reasonCode the reason as a code from a fixed list (a recycle or disqualification
   *     reason), for reports; null where the reason is free text only
   */
  @Transactional
  public boolean changeStage(
      UUID leadId,
      Stage to,
      String reason,
      String reasonCode,
      String changedBy,
      String idempotencyKey) {
    return changeStage(leadId, to, reason, reasonCode, null, changedBy, idempotencyKey);
  }

  /**
   * @param reason the reason in English words, for the API, the CSV and the logs
   * @param reasonCode the reason as a code: a report's key, and with its facts the words each
   *     reader gets in their language ({@code why.<code>} in the catalogue)
   * @param reasonFacts the facts behind the reason as JSON, or null
   */
  @Transactional
  public boolean changeStage(
      UUID leadId,
      Stage to,
      String reason,
      String reasonCode,
      String reasonFacts,
      String changedBy,
      String idempotencyKey) {
    // The row lock serialises concurrent changes of one lead, so "from" is always the true stage.
    Stage from =
        jdbc.sql("select stage from lead where id = ? for update")
            .param(leadId)
            .query((rs, n) -> Stage.valueOf(rs.getString("stage")))
            .optional()
            .orElseThrow(() -> new LeadNotFoundException(leadId));
    if (from == to) {
      return false;
    }
    if (idempotencyKey != null
        && jdbc.sql("select count(*) from lead_stage_change where idempotency_key = ?")
                .param(idempotencyKey)
                .query(Long.class)
                .single()
            > 0) {
      return false;
    }
    OffsetDateTime now = Timestamps.now(clock);
    insertChange(leadId, from, to, reason, reasonCode, reasonFacts, changedBy, idempotencyKey, now);
    jdbc.sql("update lead set stage = ?, updated_at = ? where id = ?")
        .params(to.name(), now, leadId)
        .update();
    return true;
  }

  /**
   * Updates a lead's profile with what a later capture brought: fields it carries replace the
   * stored ones, fields it leaves empty keep theirs, attributes are merged.
   */
  @Transactional
  public Lead updateProfile(UUID leadId, LeadContact update) {
    return updateProfile(leadId, update, LeadContact.Merge.REPLACE);
  }

  /** The same, by the given merge rule. */
  @Transactional
  public Lead updateProfile(UUID leadId, LeadContact update, LeadContact.Merge merge) {
    Lead lead = lockedLead(leadId);
    LeadContact merged =
        merge == LeadContact.Merge.FILL
            ? lead.contact().filledBy(update)
            : lead.contact().updatedBy(update);
    contactParams(
            jdbc.sql(
                """
                update lead set email = :email, first_name = :firstName, last_name = :lastName,
                    phone = :phone, company = :company, company_size = :companySize,
                    industry = :industry, title = :title, country = :country, source = :source,
                    referred_by = :referredBy, attributes = :attributes, consent = :consent,
                    updated_at = :now
                where id = :id
                """),
            merged)
        .param("now", Timestamps.now(clock))
        .param("id", leadId)
        .update();
    return find(leadId).orElseThrow();
  }

  /** Records a fit score and makes it the lead's current one, once per idempotency key. */
  @Transactional
  public boolean recordFit(
      UUID leadId, FitScore score, String criteriaVersion, String scoredBy, String idempotencyKey) {
    if (!insertScore(
        leadId,
        ScoreKind.FIT,
        score.points(),
        score.grade().name(),
        score.explanation(),
        criteriaVersion,
        scoredBy,
        idempotencyKey)) {
      return false;
    }
    jdbc.sql(
            "update lead set fit_points = ?, fit_grade = ?, in_profile = ?, updated_at = ? where id = ?")
        .params(
            score.points(), score.grade().name(), score.inProfile(), Timestamps.now(clock), leadId)
        .update();
    return true;
  }

  /** Records an engagement score and makes it the lead's current one, once per key. */
  @Transactional
  public boolean recordEngagement(
      UUID leadId,
      EngagementScore score,
      String criteriaVersion,
      String scoredBy,
      String idempotencyKey) {
    String result = score.handRaise() ? "HAND_RAISE" : score.mql() ? "MQL" : "BELOW_MQL";
    if (!insertScore(
        leadId,
        ScoreKind.ENGAGEMENT,
        score.points(),
        result,
        score.explanation(),
        criteriaVersion,
        scoredBy,
        idempotencyKey)) {
      return false;
    }
    jdbc.sql("update lead set engagement_points = ?, updated_at = ? where id = ?")
        .params(score.points(), Timestamps.now(clock), leadId)
        .update();
    return true;
  }

  /** Records a classification and makes it the lead's current one, once per key. */
  @Transactional
  public boolean recordClassification(
      UUID leadId,
      Classification classification,
      String criteriaVersion,
      String scoredBy,
      String idempotencyKey) {
    if (!insertScore(
        leadId,
        ScoreKind.CLASSIFICATION,
        classification.priority(),
        classification.temperature().name(),
        classification.explanation(),
        criteriaVersion,
        scoredBy,
        idempotencyKey)) {
      return false;
    }
    jdbc.sql(
            "update lead set temperature = ?, source_category = ?, priority = ?, updated_at = ?"
                + " where id = ?")
        .params(
            classification.temperature().name(),
            classification.sourceCategory().name(),
            classification.priority(),
            Timestamps.now(clock),
            leadId)
        .update();
    return true;
  }

  /** Every score recorded for the lead, oldest first. */
  public List<StoredScore> scores(UUID leadId) {
    return jdbc.sql("select * from lead_score where lead_id = ? order by id")
        .param(leadId)
        .query(
            (rs, n) ->
                new StoredScore(
                    rs.getLong("id"),
                    rs.getObject("lead_id", UUID.class),
                    ScoreKind.valueOf(rs.getString("kind")),
                    rs.getInt("points"),
                    rs.getString("result"),
                    json.lines(rs.getString("explanation")),
                    rs.getString("criteria_version"),
                    instant(rs, "scored_at"),
                    rs.getString("scored_by")))
        .list();
  }

  /**
   * Starts the lead's engagement afresh: earlier events no longer count, so a recycled lead must
   * earn MQL again. Once per idempotency key.
   */
  @Transactional
  public boolean resetEngagement(UUID leadId, String resetBy, String idempotencyKey) {
    lockedLead(leadId);
    EngagementScore zero =
        new EngagementScore(
            0,
            false,
            false,
            List.of(
                new ScoreLine(
                    "engagement.reset", 0, "engagement reset: earlier events no longer count")));
    if (!insertScore(
        leadId,
        ScoreKind.ENGAGEMENT,
        0,
        "RESET",
        zero.explanation(),
        "-",
        resetBy,
        idempotencyKey)) {
      return false;
    }
    jdbc.sql(
            "update lead set engagement_since = ?, engagement_points = 0, updated_at = ? where id = ?")
        .params(Timestamps.now(clock), Timestamps.now(clock), leadId)
        .update();
    return true;
  }

  /** Leads, newest change first, optionally only those in a stage. */
  public List<Lead> list(Stage stage, int limit, int offset) {
    String where = stage == null ? "" : " where stage = :stage";
    var query =
        jdbc.sql(
                "select * from lead"
                    + where
                    + " order by updated_at desc, id offset :offset rows fetch next :limit rows only")
            .param("offset", offset)
            .param("limit", limit);
    if (stage != null) {
      query = query.param("stage", stage.name());
    }
    return query.query(this::lead).list();
  }

  public long count(Stage stage) {
    return stage == null
        ? jdbc.sql("select count(*) from lead").query(Long.class).single()
        : jdbc.sql("select count(*) from lead where stage = ?")
            .param(stage.name())
            .query(Long.class)
            .single();
  }

  /** The lead's stage history, oldest first. */
  public List<StageChange> history(UUID leadId) {
    return jdbc.sql("select * from lead_stage_change where lead_id = ? order by id")
        .param(leadId)
        .query(LeadStore::change)
        .list();
  }

  private void insertChange(
      UUID leadId,
      Stage from,
      Stage to,
      String reason,
      String reasonCode,
      String reasonFacts,
      String changedBy,
      String idempotencyKey,
      OffsetDateTime at) {
    // When the stay that ends now began, when the lead last entered the stage it enters, and when
    // it last did so and went on from it: the row then carries all the funnel report counts of it
    // (the lead row is locked: one change at a time).
    var before =
        jdbc.sql(
                """
                select max(case when left_at is null then changed_at end) as since,
                       max(case when left_at is null then prev_went_on_at end) as since_went_on,
                       max(case when to_stage = ? then changed_at end) as entered,
                       max(case when to_stage = ? and next_stage = ? then changed_at end)
                         as went_on
                from lead_stage_change where lead_id = ?
                """)
            .params(to.name(), to.name(), to.goingOn() == null ? "" : to.goingOn().name(), leadId)
            .query(
                (rs, n) ->
                    new OffsetDateTime[] {
                      rs.getObject("since", OffsetDateTime.class),
                      rs.getObject("entered", OffsetDateTime.class),
                      rs.getObject("went_on", OffsetDateTime.class),
                      rs.getObject("since_went_on", OffsetDateTime.class)
                    })
            .single();
    // Going on from the stay that ends, having gone on from its stage before: counted once.
    OffsetDateTime goingOnAgainSince = from != null && to == from.goingOn() ? before[3] : null;
    // The stay in the stage before ends now, for this stage.
    jdbc.sql(
            "update lead_stage_change set left_at = ?, next_stage = ?"
                + " where lead_id = ? and left_at is null")
        .params(at, to.name(), leadId)
        .update();
    jdbc.sql(
            """
            insert into lead_stage_change
                (lead_id, from_stage, to_stage, changed_at, reason, reason_code, reason_facts,
                 changed_by, idempotency_key, from_since, prev_entry_at, prev_went_on_at,
                 from_prev_went_on_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            leadId,
            from == null ? null : from.name(),
            to.name(),
            at,
            reason,
            reasonCode,
            reasonFacts,
            changedBy,
            idempotencyKey,
            before[0],
            before[1],
            before[2],
            goingOnAgainSince)
        .update();
  }

  /** Reads the lead and locks its row until the caller's transaction ends. */
  Lead lockedLead(UUID leadId) {
    return jdbc.sql("select * from lead where id = ? for update")
        .param(leadId)
        .query(this::lead)
        .optional()
        .orElseThrow(() -> new LeadNotFoundException(leadId));
  }

  private boolean insertScore(
      UUID leadId,
      ScoreKind kind,
      int points,
      String result,
      List<ScoreLine> explanation,
      String criteriaVersion,
      String scoredBy,
      String idempotencyKey) {
    lockedLead(leadId);
    if (idempotencyKey != null
        && jdbc.sql("select count(*) from lead_score where idempotency_key = ?")
                .param(idempotencyKey)
                .query(Long.class)
                .single()
            > 0) {
      return false;
    }
    jdbc.sql(
            """
            insert into lead_score (lead_id, kind, points, result, explanation, criteria_version,
                                    scored_at, scored_by, idempotency_key)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            leadId,
            kind.name(),
            points,
            result,
            json.write(explanation),
            criteriaVersion,
            Timestamps.now(clock),
            scoredBy,
            idempotencyKey)
        .update();
    return true;
  }

  /** The contact's columns as named parameters: the one place that writes them. */
  private JdbcClient.StatementSpec contactParams(
      JdbcClient.StatementSpec statement, LeadContact contact) {
    return statement
        .param("email", contact.email().strip())
        .param("firstName", contact.firstName())
        .param("lastName", contact.lastName())
        .param("phone", contact.phone())
        .param("company", contact.company())
        .param("companySize", contact.companySize())
        .param("industry", contact.industry())
        .param("title", contact.title())
        .param("country", contact.country())
        .param("source", contact.source())
        .param("referredBy", contact.referredBy())
        .param("attributes", json.write(contact.attributes()))
        .param("consent", contact.consent());
  }

  /** The contact's columns read back: the one place that reads them. */
  private LeadContact contact(ResultSet rs) throws SQLException {
    return new LeadContact(
        rs.getString("email"),
        rs.getString("first_name"),
        rs.getString("last_name"),
        rs.getString("phone"),
        rs.getString("company"),
        rs.getObject("company_size", Integer.class),
        rs.getString("industry"),
        rs.getString("title"),
        rs.getString("country"),
        rs.getString("source"),
        rs.getString("referred_by"),
        json.attributes(rs.getString("attributes")),
        rs.getObject("consent", Boolean.class));
  }

  private Lead lead(ResultSet rs, int row) throws SQLException {
    return new Lead(
        rs.getObject("id", UUID.class),
        rs.getString("email_key"),
        contact(rs),
        Stage.valueOf(rs.getString("stage")),
        rs.getObject("fit_points", Integer.class),
        enumOf(Grade.class, rs.getString("fit_grade")),
        rs.getObject("in_profile", Boolean.class),
        rs.getObject("engagement_points", Integer.class),
        enumOf(Temperature.class, rs.getString("temperature")),
        enumOf(SourceCategory.class, rs.getString("source_category")),
        rs.getObject("priority", Integer.class),
        instant(rs, "engagement_since"),
        instant(rs, "created_at"),
        instant(rs, "updated_at"),
        instant(rs, "erased_at"));
  }

  private static <E extends Enum<E>> E enumOf(Class<E> type, String name) {
    return name == null ? null : Enum.valueOf(type, name);
  }

  private static StageChange change(ResultSet rs, int row) throws SQLException {
    String from = rs.getString("from_stage");
    return new StageChange(
        rs.getLong("id"),
        rs.getObject("lead_id", UUID.class),
        from == null ? null : Stage.valueOf(from),
        Stage.valueOf(rs.getString("to_stage")),
        instant(rs, "changed_at"),
        rs.getString("reason"),
        rs.getString("reason_code"),
        rs.getString("reason_facts"),
        rs.getString("changed_by"));
  }

  /** A timestamp column as an instant, whichever type the driver hands back. */
  static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    if (value != null) {
      return value.toInstant();
    }
    Timestamp ts = rs.getTimestamp(column);
    return ts == null ? null : ts.toInstant();
  }
}
