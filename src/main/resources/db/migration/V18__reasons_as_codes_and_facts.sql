-- Reasons kept as a code and its facts (JSON) beside the English words, so that pages and mails
-- write them in their reader's language; rows from before keep their words and no facts.
alter table lead_stage_change add column reason_facts varchar(2000);
alter table routing_decision add column reason_code varchar(60);
alter table routing_decision add column reason_facts varchar(2000);
alter table lead_activity add column why_code varchar(60);
alter table lead_activity add column why_facts varchar(2000);
-- The language each person reads in, as they chose it in the pages' language menu; their mails
-- follow it. Nobody here: the installation's (lead-handoff.mail.language).
create table reader_language (
    username   varchar(100)             not null primary key,
    language   varchar(10)              not null,
    updated_at timestamp with time zone not null
);
