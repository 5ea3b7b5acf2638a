-- 申请日期: the day the household applied (form 1 or 4 signed), which the village's appraisal and notice of its
-- identification may not precede; unknown (null) for households registered before it was kept.
alter table household add column applied_on date;
