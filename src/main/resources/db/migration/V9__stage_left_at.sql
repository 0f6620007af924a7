-- How each stay in a stage ended: when the lead left it and for which stage, so that time in
-- stage and stage-to-stage conversion are read from the row itself instead of being searched
-- for in the rest of the history: the funnel report stays fast on a long history.
alter table lead_stage_change add column left_at timestamp with time zone;
alter table lead_stage_change add column next_stage varchar(32);

update lead_stage_change
set left_at = (select min(n.changed_at) from lead_stage_change n
               where n.lead_id = lead_stage_change.lead_id and n.id > lead_stage_change.id),
    next_stage = (select n.to_stage from lead_stage_change n
                  where n.lead_id = lead_stage_change.lead_id
                    and n.id = (select min(m.id) from lead_stage_change m
                                where m.lead_id = lead_stage_change.lead_id
                                  and m.id > lead_stage_change.id));

create index ix_lead_stage_change_open on lead_stage_change (lead_id, left_at);
