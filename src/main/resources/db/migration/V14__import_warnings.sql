-- A value an import could not read is left out and warned about; the row is imported.
alter table lead_import_error add column severity varchar(10) default 'ERROR' not null;
