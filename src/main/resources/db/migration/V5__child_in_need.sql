-- Child in need plans and their reviews (shared/spec/journey.md stage 7; shared/spec/returns.md:
-- CIN census CINPlanDates = CINPlanStartDate / CINPlanEndDate; Ofsted Annex A list 6).
CREATE TABLE cin_plan (
    id                   VARCHAR(36)   PRIMARY KEY,
    child_id             VARCHAR(36)   NOT NULL REFERENCES child (id),
    process_instance_id  VARCHAR(64),
    start_date           DATE          NOT NULL,
    end_date             DATE,
    goals                VARCHAR(8000),
    who_does_what        VARCHAR(8000),
    agreed_by            VARCHAR(64),
    authorised_by        VARCHAR(64),
    authorisation_date   DATE          NOT NULL,
    end_outcome          VARCHAR(20),
    closure_reason       VARCHAR(4)
);
CREATE INDEX ix_cin_plan_child ON cin_plan (child_id);

CREATE TABLE cin_plan_review (
    id                   VARCHAR(36)   PRIMARY KEY,
    cin_plan_id          VARCHAR(36)   NOT NULL REFERENCES cin_plan (id),
    child_id             VARCHAR(36)   NOT NULL REFERENCES child (id),
    review_number        INTEGER       NOT NULL,
    review_date          DATE          NOT NULL,
    due_date             DATE,
    child_seen_date      DATE,
    progress             VARCHAR(8000),
    outcome              VARCHAR(20)   NOT NULL,
    closure_reason       VARCHAR(4),
    reviewed_by          VARCHAR(64),
    signed_off_by        VARCHAR(64),
    signed_off_date      DATE          NOT NULL
);
CREATE INDEX ix_cin_plan_review_child ON cin_plan_review (child_id);
CREATE INDEX ix_cin_plan_review_plan ON cin_plan_review (cin_plan_id);
