-- The routing table names the team that serves a lead: each routing decision keeps the rotation
-- (role and team) it took its turn in, so that a turn given back goes to the same rotation.
alter table routing_decision add column rotation varchar(200);
