-- The rest of the funnel report from daily counts too (issue 21): leads captured per source, SLA
-- outcomes per person, reroutes and escalations per cause, rejections per reason. A row is folded
-- once it can no longer change (a lead's source and capture time never do; an assignment once it
-- is closed or acted on; an activity at once); a report adds the rows not folded yet, so it is
-- exact whenever it is asked.
alter table lead add column rolled_up boolean default false not null;
alter table assignment add column rolled_up boolean default false not null;
alter table lead_activity add column rolled_up boolean default false not null;

create index ix_lead_pending_fold on lead (rolled_up, created_at);
create index ix_assignment_pending_fold on assignment (rolled_up, assigned_at);
create index ix_lead_activity_pending_fold on lead_activity (rolled_up, kind, occurred_at);

-- Per day (UTC): how many rows counted as each figure, per role (of an assignment) and item (a
-- source, a person's id, a cause, a reason).
create table report_day_count (
    on_day date         not null,
    figure varchar(20)  not null,
    role   varchar(20)  not null,
    item   varchar(200) not null,
    n      bigint       not null,
    primary key (on_day, figure, role, item)
);

-- The same per month (on its first day), so that a year reads twelve rows where it would read 365:
-- a fold adds to the day's row and the month's.
create table report_month_count (
    on_month date         not null,
    figure   varchar(20)  not null,
    role     varchar(20)  not null,
    item     varchar(200) not null,
    n        bigint       not null,
    primary key (on_month, figure, role, item)
);

create table report_stage_month (
    on_month  date         not null,
    stage     varchar(32)  not null,
    entered   bigint       not null,
    converted bigint       not null,
    finished  bigint       not null,
    stays     varchar(1000000),
    reasons   varchar(100000),
    primary key (on_month, stage)
);

-- The stage changes are folded again, into days and months alike.
delete from report_stage_day;
update lead_stage_change set rolled_up = false where rolled_up = true;

-- Leads that came back to a stage are counted in one pass over this index, with whether they went
-- on again (the index of V23 for that alone is no longer read).
drop index ix_lead_stage_change_went_on_again;
drop index ix_lead_stage_change_reentry;
create index ix_lead_stage_change_reentry
    on lead_stage_change (prev_entry_at, changed_at, to_stage, prev_went_on_at, next_stage);
