-- The import page: how the columns were mapped, the consent of rows that say nothing of it, and
-- who started the import; mappings saved per source for the next file from the same tool.
alter table lead_import add column mapping varchar(16000);
alter table lead_import add column default_consent boolean;
alter table lead_import add column created_by varchar(100);

create table import_mapping (
    source     varchar(100)             not null primary key,
    mapping    varchar(16000)           not null,
    updated_by varchar(100),
    updated_at timestamp with time zone not null
);
