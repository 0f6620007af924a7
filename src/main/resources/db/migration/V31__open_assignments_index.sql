-- Routing counts each person's open leads for every lead it routes (RosterStore.openLeads): read by
-- this index, the count costs what the open assignments are, not the whole assignment history
-- (the index of V5 leads with the person, so the count read every assignment ever made).
create index ix_assignment_open on assignment (state, role, rep_id, lead_id);
