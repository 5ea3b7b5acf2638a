-- Departments also submit members' flags (A16-A19, A51: 养老保险, 医疗保险, 大病保险, 低保, 医疗救助): an item carries
-- either an amount (A29a-e) or a flag.
alter table department_item alter column amount drop not null;
alter table department_item add column flag boolean;
alter table department_item add constraint department_item_amount_or_flag check ((amount is null) <> (flag is null));
