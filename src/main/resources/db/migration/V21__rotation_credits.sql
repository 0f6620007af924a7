-- A turn given back is kept apart from the person's place, so that the rotation moving on (the
-- reroute that follows a "not mine") does not wipe it out; it is used up by their next lead.
alter table routing_turn add column credit double precision not null default 0;
