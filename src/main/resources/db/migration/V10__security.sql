-- Who may sign in, and the API keys of machine callers. Passwords are bcrypt hashes; API keys
-- are long random secrets, stored as SHA-256 hashes (a slow hash buys nothing for 256 random
-- bits and would cost every request). Only a key's prefix is kept in clear, to find it.
create table app_user (
    username      varchar(100)             not null primary key,
    password_hash varchar(200)             not null,
    roles         varchar(200)             not null,
    enabled       boolean                  not null default true,
    created_at    timestamp with time zone not null,
    updated_at    timestamp with time zone not null
);

create table api_key (
    id           uuid                     not null primary key,
    name         varchar(100)             not null,
    key_prefix   varchar(20)              not null,
    key_hash     varchar(64)              not null,
    roles        varchar(200)             not null,
    created_at   timestamp with time zone not null,
    revoked_at   timestamp with time zone,
    replaced_by  uuid,
    rate_per_minute integer,
    last_used_at timestamp with time zone,
    constraint uq_api_key_prefix unique (key_prefix)
);

-- Webhook deliveries already taken, per provider: a replayed delivery is refused. Rows older
-- than the signature tolerance can go, as their signatures no longer pass anyway.
create table webhook_delivery (
    provider    varchar(50)              not null,
    signature   varchar(128)             not null,
    received_at timestamp with time zone not null,
    primary key (provider, signature)
);

create index ix_webhook_delivery_received on webhook_delivery (received_at);

-- An erased lead keeps its id, stage history and firmographic segment for the funnel; its
-- contact data is gone and the email key is replaced, so the person can be captured afresh.
alter table lead add column erased_at timestamp with time zone;
alter table lead add column erasure_reason varchar(500);
