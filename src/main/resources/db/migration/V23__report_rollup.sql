-- The funnel report from daily figures instead of the whole history: a year's dashboard costs
-- about what a month's does (issue 21). Each stage change now says when the stay it ends began
-- (from_since), when the lead last entered the same stage before (prev_entry_at) and last did so
-- and went on from it (prev_went_on_at), for counting leads once when they come back, so that every figure follows from appended rows alone; a
-- background fold adds the rows not yet counted (rolled_up false) to report_stage_day, and a
-- report adds those still waiting, so it is exact whenever it is asked.
alter table lead_stage_change add column from_since timestamp with time zone;
alter table lead_stage_change add column prev_entry_at timestamp with time zone;
alter table lead_stage_change add column prev_went_on_at timestamp with time zone;
alter table lead_stage_change add column rolled_up boolean default false not null;

update lead_stage_change
set from_since = (select p.changed_at from lead_stage_change p
                  where p.lead_id = lead_stage_change.lead_id
                    and p.id = (select max(m.id) from lead_stage_change m
                                where m.lead_id = lead_stage_change.lead_id
                                  and m.id < lead_stage_change.id)),
    prev_entry_at = (select max(p.changed_at) from lead_stage_change p
                     where p.lead_id = lead_stage_change.lead_id
                       and p.to_stage = lead_stage_change.to_stage
                       and p.id < lead_stage_change.id),
    prev_went_on_at = (select max(p.changed_at) from lead_stage_change p
                       where p.lead_id = lead_stage_change.lead_id
                         and p.to_stage = lead_stage_change.to_stage
                         and p.id < lead_stage_change.id
                         and p.next_stage = case p.to_stage
                                              when 'NAME' then 'IN_PROFILE'
                                              when 'OUT_OF_PROFILE' then 'IN_PROFILE'
                                              when 'RECYCLED' then 'IN_PROFILE'
                                              when 'IN_PROFILE' then 'MQL'
                                              when 'MQL' then 'SAL'
                                              when 'SAL' then 'SQL'
                                              when 'SQL' then 'OPPORTUNITY'
                                            end);

create index ix_lead_stage_change_pending on lead_stage_change (rolled_up, changed_at);
-- Read by the period's corrections alone (index-only): leads counted once per stage.
create index ix_lead_stage_change_reentry on lead_stage_change (prev_entry_at, changed_at, to_stage);
create index ix_lead_stage_change_went_on_again
    on lead_stage_change (prev_went_on_at, changed_at, to_stage, next_stage);

-- Per day (UTC) and stage: stays that began that day (entered), how many of them have ended
-- (finished) and went straight on down the funnel (converted), and how long the ended ones took,
-- as counts per length at the dashboard's resolution ("key:count,...", see StayLengths).
create table report_stage_day (
    on_day    date         not null,
    stage     varchar(32)  not null,
    entered   bigint       not null,
    converted bigint       not null,
    finished  bigint       not null,
    stays     varchar(1000000),
    primary key (on_day, stage)
);

-- One row: whoever folds takes its lock, so two instances never fold the same rows.
create table report_rollup_lock (
    id integer not null primary key
);
insert into report_rollup_lock (id) values (1);
