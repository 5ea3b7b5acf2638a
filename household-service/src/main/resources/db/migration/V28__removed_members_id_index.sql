-- 查重 finds living and removed members by ID number. Living members' hashes are in the unique index
-- member_active_id_number already; the second index held every member's hash again, and each index on the hash
-- costs a bulk import about 1.9 s per 300,000 members (random 64-character keys; docs/benchmarks.md, "The
-- database's floor under the job"). It now holds removed members only; a search for both asks each index in its
-- own arm (`active and … or not active and …`, a BitmapOr of the two).
drop index member_id_number_hash;
create index member_removed_id_number_hash on member (id_number_hash) where not active;
