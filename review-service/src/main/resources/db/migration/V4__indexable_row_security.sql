-- Row-level security that an index can serve, as household-service's migration 19 explains: a user's own filter is
-- not leakproof and may not drive an index under row-level security, the policy's condition may. The area prefix p
-- becomes the range p <= code < p || '~' in text_pattern_ops, with indexes of that operator class.
drop policy in_area on review_case;
create policy in_area on review_case
    using (area_code ~>=~ current_setting('fupin.area', true)
       and area_code ~<~ (current_setting('fupin.area', true) || '~'));
create index review_case_area_prefix on review_case (area_code text_pattern_ops, opened_at);

drop policy in_area on function_request;
create policy in_area on function_request
    using (township_code ~>=~ current_setting('fupin.area', true)
       and township_code ~<~ (current_setting('fupin.area', true) || '~'));
