-- CIN census items the journey now captures (issue 6). Portable: H2 and PostgreSQL.
-- AssessmentInternalReviewDate (N00161): the date the assessment's progress was reviewed inside the
-- council (with the team manager) before it was completed; optional, as in the census.
ALTER TABLE assessment ADD COLUMN internal_review_date DATE;

-- PersonDeathDate (N00108): recorded when the case closes because the child died (ReasonForClosure RC2,
-- or care ceased with reason E2).
ALTER TABLE child ADD COLUMN person_death_date DATE;
