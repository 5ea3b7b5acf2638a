-- 考核年度: the year whose incomes a work year's exits and risk eliminations rest on (its plan says; its own
-- year unless stated).
alter table yearly_policy add column if not exists assessed_year integer;
update yearly_policy set assessed_year = year where assessed_year is null;
alter table yearly_policy alter column assessed_year set not null;
