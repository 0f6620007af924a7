-- An uploaded file lives in the lead store until its import is over, in chunks of up to 1 MB (read
-- and written a chunk at a time, never whole in memory), so any instance can run the import.
-- Instances keep only a working copy on their own disk.
create table lead_import_chunk (
  import_id uuid not null references lead_import (id) on delete cascade,
  seq int not null,
  bytes bytea not null,
  primary key (import_id, seq)
);

alter table lead_import alter column stored_path drop not null;

-- The instance that runs an import's turn holds a lease; should it die, the lease runs out and
-- another instance resumes the import at its last checkpoint.
alter table lead_import add column lease_token varchar(36);
alter table lead_import add column lease_until timestamp with time zone;
-- Which instance holds it (process id @ host), for the people who run the cluster.
alter table lead_import add column lease_holder varchar(200);
