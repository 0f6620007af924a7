-- Idempotency keys are kept per caller ("<caller> <key>"): one caller's key never answers
-- another's request.
alter table idempotent_request alter column idempotency_key set data type varchar(320);
