-- Leaving care (processes/leaving-care.bpmn, bean leavingCare): eligibility, personal adviser, needs
-- assessment, staying put and the end of support; every pathway plan and review as signed off.
-- What the SSDA903 OC3 table and Ofsted Annex A list 9 (care leavers) read. Portable H2 + PostgreSQL.

CREATE TABLE leaving_care (
    id                     VARCHAR(36)   PRIMARY KEY,
    child_id               VARCHAR(36)   NOT NULL REFERENCES child (id),
    process_instance_id    VARCHAR(64),
    date_of_birth          DATE          NOT NULL,
    eligibility_date       DATE          NOT NULL,
    personal_adviser       VARCHAR(64),
    adviser_allocated_at   TIMESTAMP WITH TIME ZONE,
    adviser_allocated_by   VARCHAR(64),
    over_limit_reason      VARCHAR(4000),
    needs_assessment_date  DATE,
    needs                  VARCHAR(8000),
    needs_assessed_by      VARCHAR(64),
    staying_put            BOOLEAN,
    support_to_25          BOOLEAN,
    support_ended_on       DATE,
    support_end_reason     VARCHAR(40),
    created_at             TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_leaving_care_child ON leaving_care (child_id);
CREATE INDEX ix_leaving_care_adviser ON leaving_care (personal_adviser, support_ended_on);

-- One row per signed-off pathway plan (kind PLAN) or pathway plan review (kind REVIEW).
-- activity = OC3 ACTIV, accom_code = OC3 ACCOM (accommodation letter + 1 suitable / 2 not suitable),
-- in_touch = OC3 IN_TOUCH.
CREATE TABLE pathway_plan (
    id                      VARCHAR(36)   PRIMARY KEY,
    leaving_care_id         VARCHAR(36)   NOT NULL REFERENCES leaving_care (id),
    child_id                VARCHAR(36)   NOT NULL REFERENCES child (id),
    kind                    VARCHAR(6)    NOT NULL,
    plan_date               DATE          NOT NULL,
    pathway_status          VARCHAR(30)   NOT NULL,
    activity                VARCHAR(2)    NOT NULL,
    accommodation           VARCHAR(1)    NOT NULL,
    accommodation_suitable  BOOLEAN       NOT NULL,
    accom_code              VARCHAR(2)    NOT NULL,
    in_touch                VARCHAR(4)    NOT NULL,
    staying_put             BOOLEAN       NOT NULL,
    summary                 VARCHAR(8000),
    written_by              VARCHAR(64),
    signed_off_by           VARCHAR(64),
    signed_off_date         DATE          NOT NULL
);
CREATE INDEX ix_pathway_plan_child ON pathway_plan (child_id, plan_date);
