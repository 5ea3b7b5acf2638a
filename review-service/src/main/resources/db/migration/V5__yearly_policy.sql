-- The year's policy figures (年度政策参数: poverty line, monitoring-line factor, shortest public notice) belong to its
-- work plan, set and revised by the city office with it. Plans published before carry the seed work plan's 2020
-- figures, which every service applied to every year until now; earlier revisions keep none.
alter table work_plan add column policy jsonb;
update work_plan set policy = '{"povertyLine":"4000.00","monitoringLineFactor":"1.50","monitoringLine":"6000.00","publicityDaysMin":7}';
alter table work_plan alter column policy set not null;
alter table work_plan_revision add column policy jsonb;
