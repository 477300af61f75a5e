-- An appeal reopens an assessment, which is then finalized again: a result is identified by the assessment
-- and the time of its finalization, so a re-finalization is applied while a redelivery is still a no-op.
alter table applied_assessment_result drop constraint applied_assessment_result_pkey;
alter table applied_assessment_result add primary key (assessment_id, finalized_at);
