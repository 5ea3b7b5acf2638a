-- GET /reviews?subjectId=: a household's or monitoring object's cases, found without reading the area's queue.
create index review_case_subject on review_case (subject_id, opened_at);
