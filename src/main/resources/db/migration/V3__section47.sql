-- Strategy discussions and section 47 enquiries (model section47, bean section47s).
-- What the CIN census Section47 block and Ofsted Annex A list 5 need. Portable: H2 and PostgreSQL.

CREATE TABLE strategy_discussion (
    id                      VARCHAR(36)   PRIMARY KEY,
    child_id                VARCHAR(36)   NOT NULL REFERENCES child (id),
    process_instance_id     VARCHAR(64),
    deadline_id             VARCHAR(36),
    discussion_date         DATE          NOT NULL,
    police_attended         BOOLEAN       NOT NULL,
    health_attended         BOOLEAN       NOT NULL,
    social_care_attended    BOOLEAN       NOT NULL,
    other_agencies          VARCHAR(1000),
    decision                VARCHAR(20)   NOT NULL,
    reasons                 VARCHAR(8000),
    next_stage              VARCHAR(20),
    closure_reason          VARCHAR(3),
    recorded_by             VARCHAR(64),
    recorded_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    decision_signed_off_by  VARCHAR(64),
    decision_signed_off_on  DATE,
    CONSTRAINT uq_strategy_discussion_deadline UNIQUE (deadline_id)
);
CREATE INDEX ix_strategy_discussion_child ON strategy_discussion (child_id);

-- One row per signed-off enquiry. date_of_initial_cpc is for child-protection to fill when the ICPC is held.
CREATE TABLE section47 (
    id                               VARCHAR(36)   PRIMARY KEY,
    child_id                         VARCHAR(36)   NOT NULL REFERENCES child (id),
    process_instance_id              VARCHAR(64),
    s47_actual_start_date            DATE          NOT NULL,
    initial_cpc_target               DATE          NOT NULL,
    latest_strategy_discussion_date  DATE          NOT NULL,
    strategy_discussions             INTEGER       NOT NULL,
    child_seen_date                  DATE,
    child_seen_alone                 BOOLEAN,
    findings                         VARCHAR(8000),
    outcome                          VARCHAR(20)   NOT NULL,
    icpc_not_required                BOOLEAN       NOT NULL,
    closure_reason                   VARCHAR(3),
    completed_by                     VARCHAR(64),
    authorised_by                    VARCHAR(64),
    authorisation_date               DATE          NOT NULL,
    date_of_initial_cpc              DATE
);
CREATE INDEX ix_section47_child ON section47 (child_id);
