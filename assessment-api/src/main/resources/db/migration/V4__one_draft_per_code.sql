-- A code has one draft at a time (StandardService.draft): the draft check alone let two concurrent drafts of one code
-- through when the second read the first's version number after it committed; the index refuses the second
-- (answered standard-draft-exists, StandardUniqueViolations).
create unique index standard_one_draft_per_code on standard (code) where status = 'DRAFT';
