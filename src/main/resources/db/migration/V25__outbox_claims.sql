-- A dispatcher claims the messages it publishes (a token and a time the claim runs out, in
-- next_attempt_at): dispatchers of several instances never publish the same message at once.
alter table outbox add column claim varchar(40);
create index ix_outbox_claim on outbox (claim);
