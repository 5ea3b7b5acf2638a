-- The year's policy figures as published with its work plan (WorkPlanPublished.policy); null for plans published
-- before the figures were part of them.
alter table work_plan_fact add column policy jsonb;
