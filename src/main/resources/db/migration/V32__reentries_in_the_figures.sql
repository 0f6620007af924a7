-- Leads that came back to a stage, counted in the daily and monthly figures too (issue 21): a
-- year's report read every re-entry of the year (15,000 rows on the benchmark's history) to count
-- each lead once per stage. Now each re-entry is folded on the day the lead's previous entry of
-- that stage began, so a period's re-entries are its days' sums, less the few whose return came
-- after the period's end (read from the rows, by index on changed_at).

-- When a change goes on down the funnel from a stay (to its next stage), and the lead had gone on
-- from that stage before: when that earlier stay began (the ended stay's prev_went_on_at). The
-- fold reads it from the change alone, as it reads from_since.
alter table lead_stage_change add column from_prev_went_on_at timestamp with time zone;

update lead_stage_change
set from_prev_went_on_at = (select max(c.prev_went_on_at) from lead_stage_change c
                            where c.lead_id = lead_stage_change.lead_id
                              and c.to_stage = lead_stage_change.from_stage
                              and c.changed_at = lead_stage_change.from_since
                              and c.next_stage = lead_stage_change.to_stage)
where from_since is not null
  and to_stage = case from_stage
                   when 'NAME' then 'IN_PROFILE'
                   when 'OUT_OF_PROFILE' then 'IN_PROFILE'
                   when 'RECYCLED' then 'IN_PROFILE'
                   when 'IN_PROFILE' then 'MQL'
                   when 'MQL' then 'SAL'
                   when 'SAL' then 'SQL'
                   when 'SQL' then 'OPPORTUNITY'
                 end;

-- Per day (and month) and stage, keyed by the day the earlier entry began: entries of the stage
-- whose lead had entered it before on that day (again), those of them in the same Monday-week as
-- that earlier entry (again_same_week, for the MQLs per week), and stays that went on whose lead
-- had gone on from the stage before, from an entry on that day (went_on_again).
alter table report_stage_day add column again bigint default 0 not null;
alter table report_stage_day add column again_same_week bigint default 0 not null;
alter table report_stage_day add column went_on_again bigint default 0 not null;
alter table report_stage_month add column again bigint default 0 not null;
alter table report_stage_month add column again_same_week bigint default 0 not null;
alter table report_stage_month add column went_on_again bigint default 0 not null;

-- The part days at a period's ends read the leads that had gone on before by this index.
create index ix_lead_stage_change_went_on_before
    on lead_stage_change (prev_went_on_at, to_stage, next_stage, changed_at);

-- The stage changes are folded again, with their re-entries.
delete from report_stage_day;
delete from report_stage_month;
update lead_stage_change set rolled_up = false where rolled_up = true;
