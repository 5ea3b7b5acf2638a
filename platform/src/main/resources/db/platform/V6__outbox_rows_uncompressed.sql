-- An event is written once, read once by the relay and deleted: compressing it is work for nothing. A household's
-- event (its members and year's record, 2–3 KB of JSON) is past PostgreSQL's 2 KB threshold, so every row was
-- compressed with pglz on its way in; with the target at its maximum only rows beyond a page's 8 KB are. Measured on
-- 40,000 such rows (2.4 KB each, COPY into a table of this shape): 2.3 s compressed, 1.0 s not; reading them back
-- took the same. The transaction's staging table (Outbox.stage) is created with the same setting.
alter table outbox_event set (toast_tuple_target = 8160);
