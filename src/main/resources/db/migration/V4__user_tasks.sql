-- The human tasks of the lifecycle as the inbox shows them. The engine holds the task (a job of
-- type io.camunda.zeebe:userTask); this row is the inbox's view of it, refreshed each time the task
-- worker sees the job, and closed when the task is completed here or disappears from the engine.
create table user_task (
    job_key             bigint                   not null primary key,
    process_instance    bigint                   not null,
    process_id          varchar(200)             not null,
    element_id          varchar(200)             not null,
    name                varchar(300)             not null,
    form_id             varchar(200),
    lead_id             uuid,
    candidate_groups    varchar(1000),
    assignee            varchar(200),
    due_at              timestamp with time zone,
    priority            integer                  not null default 0,
    variables           varchar(8000)            not null,
    state               varchar(20)              not null,
    created_at          timestamp with time zone not null,
    last_seen_at        timestamp with time zone not null,
    completed_at        timestamp with time zone,
    completed_by        varchar(200)
);

create index ix_user_task_queue on user_task (state, priority, due_at);
create index ix_user_task_lead on user_task (lead_id);
