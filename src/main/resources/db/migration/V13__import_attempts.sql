-- An import that hit a problem waits before it is tried again, and others go first; after a few
-- attempts it fails with the last problem. Notes say how the file was read.
alter table lead_import add column attempts integer default 0 not null;
alter table lead_import add column next_attempt_at timestamp with time zone;
alter table lead_import add column notes varchar(2000);
