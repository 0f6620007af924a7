-- The daily figures also count each day's entries per reason code (why leads were recycled or
-- disqualified, for the dashboard): the figures folded before are folded again with them.
alter table report_stage_day add column reasons varchar(100000);
delete from report_stage_day;
update lead_stage_change set rolled_up = false where rolled_up = true;
