-- Row-level security that an index can serve, as household-service's migration 19 explains: a user's own filter is
-- not leakproof and may not drive an index under row-level security, the policy's condition may. The area prefix p
-- becomes the range p <= code < p || '~' in text_pattern_ops, with indexes of that operator class.
drop policy in_area on household_summary;
create policy in_area on household_summary
    using (division_code ~>=~ current_setting('fupin.area', true)
       and division_code ~<~ (current_setting('fupin.area', true) || '~'));
create index household_summary_area_prefix on household_summary (division_code text_pattern_ops);

drop policy in_area on monitoring_object;
create policy in_area on monitoring_object
    using (division_code ~>=~ current_setting('fupin.area', true)
       and division_code ~<~ (current_setting('fupin.area', true) || '~'));
create index monitoring_object_area_prefix on monitoring_object (division_code text_pattern_ops, created_at);
