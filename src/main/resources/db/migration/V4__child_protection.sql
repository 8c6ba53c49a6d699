-- Child protection: initial conferences, plans, review conferences, core groups and visits.
-- What the DfE CIN census (Section47/DateOfInitialCPC, ChildProtectionPlans, Reviews/CPPreviewDate),
-- Ofsted Annex A lists 5 and 7 and NI 64/65/67 are produced from. Portable SQL: H2 and PostgreSQL.

CREATE TABLE initial_cp_conference (
    id                        VARCHAR(36)   PRIMARY KEY,
    child_id                  VARCHAR(36)   NOT NULL REFERENCES child (id),
    process_instance_id       VARCHAR(64),
    strategy_discussion_date  DATE,
    conference_date           DATE          NOT NULL,
    icpc_due_date             DATE,
    outcome                   VARCHAR(10)   NOT NULL,
    category                  VARCHAR(3),
    attendance                VARCHAR(400),
    decision_reasons          VARCHAR(8000),
    chaired_by                VARCHAR(64),
    recorded_at               TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_icpc_child ON initial_cp_conference (child_id);

CREATE TABLE cp_plan (
    id                        VARCHAR(36)   PRIMARY KEY,
    child_id                  VARCHAR(36)   NOT NULL REFERENCES child (id),
    process_instance_id       VARCHAR(64),
    conference_id             VARCHAR(36)   REFERENCES initial_cp_conference (id),
    start_date                DATE          NOT NULL,
    initial_category          VARCHAR(3)    NOT NULL,
    latest_category           VARCHAR(3)    NOT NULL,
    previous_plans            INTEGER       NOT NULL,
    second_or_subsequent      BOOLEAN       NOT NULL,
    end_date                  DATE,
    end_reason                VARCHAR(10),
    lasted_two_years_flagged_at TIMESTAMP WITH TIME ZONE,
    two_year_review_by        VARCHAR(64),
    two_year_review_notes     VARCHAR(8000),
    created_at                TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_cp_plan_child ON cp_plan (child_id);

CREATE TABLE cp_review (
    id                        VARCHAR(36)   PRIMARY KEY,
    plan_id                   VARCHAR(36)   NOT NULL REFERENCES cp_plan (id),
    child_id                  VARCHAR(36)   NOT NULL REFERENCES child (id),
    review_date               DATE          NOT NULL,
    timescale_id              VARCHAR(40)   NOT NULL,
    due_date                  DATE,
    outcome                   VARCHAR(10)   NOT NULL,
    latest_category           VARCHAR(3)    NOT NULL,
    legal_gateway             BOOLEAN       NOT NULL,
    legal_gateway_reason      VARCHAR(4000),
    legal_gateway_signed_off_by VARCHAR(64),
    summary                   VARCHAR(8000),
    chaired_by                VARCHAR(64),
    recorded_at               TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_cp_review_plan ON cp_review (plan_id);

CREATE TABLE core_group (
    id                        VARCHAR(36)   PRIMARY KEY,
    plan_id                   VARCHAR(36)   NOT NULL REFERENCES cp_plan (id),
    child_id                  VARCHAR(36)   NOT NULL REFERENCES child (id),
    meeting_date              DATE          NOT NULL,
    first_after_conference    BOOLEAN       NOT NULL,
    timescale_id              VARCHAR(40)   NOT NULL,
    due_date                  DATE,
    progress                  VARCHAR(8000),
    recorded_by               VARCHAR(64),
    recorded_at               TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_core_group_plan ON core_group (plan_id);

CREATE TABLE cp_visit (
    id                        VARCHAR(36)   PRIMARY KEY,
    plan_id                   VARCHAR(36)   NOT NULL REFERENCES cp_plan (id),
    child_id                  VARCHAR(36)   NOT NULL REFERENCES child (id),
    visit_date                DATE          NOT NULL,
    child_seen                BOOLEAN       NOT NULL,
    seen_alone                BOOLEAN       NOT NULL,
    due_date                  DATE,
    notes                     VARCHAR(8000),
    recorded_by               VARCHAR(64),
    recorded_at               TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_cp_visit_plan ON cp_visit (plan_id);
