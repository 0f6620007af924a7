-- Weighted, fair rotation: each person's weight (roster.yaml), each person's place in the rotation
-- of their role's team, and the rotation's own "now" (the place of the last person who got a lead).
-- Credits given back for a lead lost through no fault of the person, once per occasion.
alter table rep add column weight double precision not null default 1;
alter table routing_cursor add column turn_now double precision not null default 0;
create table routing_turn (
    rotation  varchar(200)     not null,
    rep_id    varchar(100)     not null,
    place     double precision not null,
    primary key (rotation, rep_id)
);
create table routing_credit (
    occasion   varchar(300)             not null primary key,
    rotation   varchar(200)             not null,
    rep_id     varchar(100)             not null,
    reason     varchar(60)              not null,
    lead_id    uuid,
    granted_at timestamp with time zone not null
);
