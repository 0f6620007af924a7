-- Real-time messages (a form, the API) never wait behind an import's: each lane is read apart.
alter table outbox add column lane varchar(10) default 'REALTIME' not null;
create index ix_outbox_lane_due on outbox (lane, sent_at, next_attempt_at);
