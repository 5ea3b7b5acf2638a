-- 帮扶责任人身份证号码: optional (form 1 does not ask for it); lets the quality rule helper-registered-poor tell
-- whether a helper is himself a registered poor person.
alter table helper add column id_number text;
