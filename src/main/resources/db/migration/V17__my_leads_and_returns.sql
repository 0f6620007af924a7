-- A person's own decisions (the rep's and qualifier's "my leads" page) are read by actor.
create index ix_lead_activity_actor on lead_activity (actor, kind, id);

-- When a recycled lead returns to the funnel, as planned when it was recycled (marketing's view of
-- what came back to them). Empty for a lead that was never recycled.
alter table lead add column revisit_at timestamp with time zone;
