-- The legal track (care-proceedings.bpmn): legal gateway / legal planning meeting, pre-proceedings
-- under the Public Law Outline, care proceedings and their hearings. Portable SQL (H2 and PostgreSQL).

CREATE TABLE legal_gateway (
    id                          VARCHAR(36)   PRIMARY KEY,
    child_id                    VARCHAR(36)   NOT NULL REFERENCES child (id),
    process_instance_id         VARCHAR(64),
    concerns                    VARCHAR(8000),
    support_tried               VARCHAR(8000),
    prepared_by                 VARCHAR(64),
    threshold_met               VARCHAR(20),
    legal_advice                VARCHAR(8000),
    recommended_route           VARCHAR(20),
    advised_by                  VARCHAR(64),
    decision                    VARCHAR(20)   NOT NULL,
    decision_reason             VARCHAR(4000),
    decided_by                  VARCHAR(64),
    decision_date               DATE          NOT NULL,
    letter_sent_date            DATE,
    first_meeting_date          DATE,
    latest_meeting_date         DATE,
    pre_proceedings_meetings    INTEGER       NOT NULL,
    parents_attended            BOOLEAN,
    representatives_attended    BOOLEAN,
    pre_proceedings_outcome     VARCHAR(20),
    pre_proceedings_reviewed_by VARCHAR(64),
    pre_proceedings_review_date DATE,
    recorded_at                 TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_legal_gateway_child ON legal_gateway (child_id);

CREATE TABLE proceedings (
    id                    VARCHAR(36)   PRIMARY KEY,
    child_id              VARCHAR(36)   NOT NULL REFERENCES child (id),
    process_instance_id   VARCHAR(64),
    legal_gateway_id      VARCHAR(36)   REFERENCES legal_gateway (id),
    issue_date            DATE          NOT NULL,
    court                 VARCHAR(200),
    application_type      VARCHAR(30),
    twenty_six_week_date  DATE          NOT NULL,
    cmh_earliest_date     DATE          NOT NULL,
    cmh_due_date          DATE          NOT NULL,
    cmh_date              DATE,
    cmh_by_day_18         BOOLEAN,
    final_hearing_date    DATE,
    final_order           VARCHAR(30),
    duration_days         INTEGER,
    within_26_weeks       BOOLEAN,
    concluded_on          DATE,
    issued_by             VARCHAR(64),
    recorded_at           TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_proceedings_child ON proceedings (child_id);

CREATE TABLE hearing (
    id                      VARCHAR(36)   PRIMARY KEY,
    proceedings_id          VARCHAR(36)   NOT NULL REFERENCES proceedings (id),
    child_id                VARCHAR(36)   NOT NULL REFERENCES child (id),
    hearing_date            DATE          NOT NULL,
    hearing_type            VARCHAR(20)   NOT NULL,
    interim_order           VARCHAR(30),
    child_removed_from_home BOOLEAN,
    final_order             VARCHAR(30),
    notes                   VARCHAR(8000),
    recorded_by             VARCHAR(64),
    recorded_at             TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_hearing_proceedings ON hearing (proceedings_id);
CREATE INDEX ix_hearing_child ON hearing (child_id);
