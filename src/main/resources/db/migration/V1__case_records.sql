-- The project's own case records. Camunda keeps its own schema beside these.
-- Portable SQL: runs on H2 (default profile) and PostgreSQL.

CREATE TABLE child (
    id                     VARCHAR(36)  PRIMARY KEY,
    la_child_id            VARCHAR(20)  NOT NULL,
    first_name             VARCHAR(100),
    last_name              VARCHAR(100),
    date_of_birth          DATE,
    expected_date_of_birth DATE,
    sex                    VARCHAR(1)   NOT NULL,
    ethnicity              VARCHAR(4),
    upn                    VARCHAR(13),
    postcode               VARCHAR(8),
    created_at             TIMESTAMP WITH TIME ZONE    NOT NULL,
    CONSTRAINT uq_child_la_child_id UNIQUE (la_child_id)
);

CREATE TABLE contact (
    id               VARCHAR(36)   PRIMARY KEY,
    child_id         VARCHAR(36)   NOT NULL REFERENCES child (id),
    received_at      TIMESTAMP WITH TIME ZONE     NOT NULL,
    source           VARCHAR(3),
    summary          VARCHAR(4000) NOT NULL,
    journey_id       VARCHAR(64),
    outcome          VARCHAR(20),
    decision_reason  VARCHAR(4000),
    primary_need     VARCHAR(2),
    decided_by       VARCHAR(64),
    signed_off_by    VARCHAR(64),
    decided_at       TIMESTAMP WITH TIME ZONE,
    created_at       TIMESTAMP WITH TIME ZONE     NOT NULL
);
CREATE INDEX ix_contact_child ON contact (child_id);

CREATE TABLE referral (
    id             VARCHAR(36) PRIMARY KEY,
    child_id       VARCHAR(36) NOT NULL REFERENCES child (id),
    contact_id     VARCHAR(36) NOT NULL REFERENCES contact (id),
    referral_date  DATE        NOT NULL,
    source         VARCHAR(3),
    primary_need   VARCHAR(2),
    accepted_at    TIMESTAMP WITH TIME ZONE   NOT NULL
);
CREATE INDEX ix_referral_child ON referral (child_id);

CREATE TABLE allocation (
    id                 VARCHAR(36)   PRIMARY KEY,
    child_id           VARCHAR(36)   NOT NULL REFERENCES child (id),
    worker_id          VARCHAR(64)   NOT NULL,
    team               VARCHAR(40)   NOT NULL,
    allocated_at       TIMESTAMP WITH TIME ZONE     NOT NULL,
    allocated_by       VARCHAR(64),
    over_limit_reason  VARCHAR(4000),
    ended_at           TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_allocation_worker ON allocation (worker_id, ended_at);
CREATE INDEX ix_allocation_child ON allocation (child_id);

CREATE TABLE assessment (
    id                   VARCHAR(36)   PRIMARY KEY,
    child_id             VARCHAR(36)   NOT NULL REFERENCES child (id),
    journey_id           VARCHAR(64),
    start_date           DATE,
    child_seen_date      DATE,
    child_seen_alone     BOOLEAN,
    factors              VARCHAR(500),
    worries              VARCHAR(8000),
    strengths            VARCHAR(8000),
    safety_scale         INTEGER,
    outcome              VARCHAR(20)   NOT NULL,
    analysis             VARCHAR(8000),
    completed_by         VARCHAR(64),
    authorised_by        VARCHAR(64),
    authorisation_date   DATE          NOT NULL
);
CREATE INDEX ix_assessment_child ON assessment (child_id);

CREATE TABLE deadline (
    id                   VARCHAR(36)   PRIMARY KEY,
    child_id             VARCHAR(36)   NOT NULL REFERENCES child (id),
    process_instance_id  VARCHAR(64),
    timescale_id         VARCHAR(40)   NOT NULL,
    policy               VARCHAR(20)   NOT NULL,
    trigger_at           TIMESTAMP WITH TIME ZONE     NOT NULL,
    trigger_date         DATE          NOT NULL,
    due_date             DATE          NOT NULL,
    task_due_at          TIMESTAMP WITH TIME ZONE     NOT NULL,
    warning_at           TIMESTAMP WITH TIME ZONE     NOT NULL,
    breach_at            TIMESTAMP WITH TIME ZONE     NOT NULL,
    status               VARCHAR(10)   NOT NULL,
    met_date             DATE,
    warned_at            TIMESTAMP WITH TIME ZONE,
    breached_at          TIMESTAMP WITH TIME ZONE,
    breach_reason        VARCHAR(4000),
    recovery_plan        VARCHAR(4000),
    breach_recorded_by   VARCHAR(64),
    breach_recorded_at   TIMESTAMP WITH TIME ZONE,
    service_manager_action       VARCHAR(4000),
    service_manager_recorded_by  VARCHAR(64),
    service_manager_recorded_at  TIMESTAMP WITH TIME ZONE,
    withdrawn_at         TIMESTAMP WITH TIME ZONE,
    withdrawn_reason     VARCHAR(400),
    created_at           TIMESTAMP WITH TIME ZONE     NOT NULL
);
CREATE INDEX ix_deadline_child ON deadline (child_id);
CREATE INDEX ix_deadline_status_due ON deadline (status, due_date);
