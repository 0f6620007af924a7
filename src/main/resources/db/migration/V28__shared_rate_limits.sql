-- Rate-limit buckets (Bucket4j's state, by key) where the store is PostgreSQL: every instance draws
-- from the same bucket, so a key or an account gets its limit once, not once per instance.
-- expires_at (epoch ms) says when a bucket is full again and can go.
create table rate_limit_bucket (
  id varchar(300) not null primary key,
  state bytea,
  expires_at bigint
);
create index ix_rate_limit_bucket_expires on rate_limit_bucket (expires_at);
