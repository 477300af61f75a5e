-- An import's per-row problems are kept in Chinese too (RowProblem), so that a report reads in the reader's language
-- (Accept-Language) however long after the job ran. Reports written before this have their English only.
alter table bulk_job_problem add column problem_zh varchar(300);
