-- Adoption of a looked-after child (processes/adoption.bpmn, bean adoptions): the records the SSDA903
-- AD1 and PlacedAdoption tables and Ofsted Annex A lists 10 and 11 are produced from.
-- One row per plan for adoption: the agency decision maker's decision that the child should be placed
-- (Adoption Agencies Regulations 2005 reg 19), the match (reg 33), the placement, and how it ended.
-- Portable SQL: runs on H2 (default profile) and PostgreSQL.
CREATE TABLE adoption (
    id                        VARCHAR(36)  PRIMARY KEY,
    child_id                  VARCHAR(36)  NOT NULL REFERENCES child (id),
    process_instance_id       VARCHAR(64)  NOT NULL,
    status                    VARCHAR(30)  NOT NULL,  -- AWAITING_DECISION, TO_BE_PLACED, MATCHED, PLACED, ADOPTED, NO_LONGER_TO_BE_PLACED
    decision_date             DATE         NOT NULL,  -- SSDA903 DATE_INT and PlacedAdoption DATE_PLACED
    decision_summary          VARCHAR(2000),
    decision_recorded_by      VARCHAR(64)  NOT NULL,
    decision_agreed_by        VARCHAR(64),
    decision_agreed_at        TIMESTAMP WITH TIME ZONE,
    match_date                DATE,                   -- DATE_MATCH
    number_of_adopters        INTEGER,                -- NB_ADOPTR
    sex_of_adopters           VARCHAR(2),             -- SEX_ADOPTR
    adopters_legal_status     VARCHAR(3),             -- LS_ADOPTR
    foster_carers_adopting    BOOLEAN,                -- FOSTER_CARE
    match_recorded_by         VARCHAR(64),
    match_agreed_by           VARCHAR(64),
    placed_date               DATE,
    placement_authority       VARCHAR(20),            -- PLACEMENT_ORDER or PARENTAL_CONSENT
    placement_order_date      DATE,
    placement_code            VARCHAR(3),             -- SSDA903 PLACE A3-A6
    placement_ended_date      DATE,                   -- the latest placement ended without an order
    adoption_order_date       DATE,
    reason_care_ceased        VARCHAR(3),             -- E11 or E12, for the looked-after episode
    decision_reversed_date    DATE,                   -- DATE_PLACED_CEASED
    reason_reversed           VARCHAR(3),             -- REASON_PLACED_CEASED RD1-RD4
    created_at                TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at                TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_adoption_child ON adoption (child_id, decision_date);
CREATE UNIQUE INDEX ux_adoption_process ON adoption (process_instance_id);
