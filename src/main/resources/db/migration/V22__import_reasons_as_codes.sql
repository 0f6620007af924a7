-- An import's report kept as codes and facts beside the English words, so that the imports page
-- and the report's download say it in their reader's language; rows from before keep their words.
alter table lead_import_error add column why_code varchar(60);
alter table lead_import_error add column why_facts varchar(2000);
alter table lead_import add column error_why varchar(2000);
alter table lead_import add column notes_why varchar(8000);
