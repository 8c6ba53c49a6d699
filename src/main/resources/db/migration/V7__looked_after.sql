-- Looked-after children (processes/looked-after.bpmn, bean lookedAfter): the records the SSDA903
-- return (Episodes, Reviews, Missing) and Ofsted Annex A list 8 are produced from.
-- Portable SQL: runs on H2 (default profile) and PostgreSQL.

-- SSDA903 Episodes: one row per period with one legal status and one placement.
CREATE TABLE lac_episode (
    id                   VARCHAR(36)  PRIMARY KEY,
    child_id             VARCHAR(36)  NOT NULL REFERENCES child (id),
    process_instance_id  VARCHAR(64),
    decom                DATE         NOT NULL,
    rne                  VARCHAR(1)   NOT NULL,
    ls                   VARCHAR(2)   NOT NULL,
    cin                  VARCHAR(2)   NOT NULL,
    place                VARCHAR(3)   NOT NULL,
    place_provider       VARCHAR(3),
    dec_date             DATE,         -- SSDA903 DEC (DEC is an SQL keyword)
    rec                  VARCHAR(3),
    reason_place_change  VARCHAR(6),
    home_post            VARCHAR(8),
    pl_post              VARCHAR(8),
    urn                  VARCHAR(10),
    long_term_placement  BOOLEAN      NOT NULL,
    recorded_by          VARCHAR(64),
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_lac_episode_child ON lac_episode (child_id, decom);

-- SSDA903 Reviews (REVIEW, REVIEW_CODE) and the outcome the independent reviewing officer recorded.
CREATE TABLE lac_review (
    id                   VARCHAR(36)  PRIMARY KEY,
    child_id             VARCHAR(36)  NOT NULL REFERENCES child (id),
    process_instance_id  VARCHAR(64),
    review_number        INTEGER      NOT NULL,
    review_date          DATE         NOT NULL,
    review_code          VARCHAR(3)   NOT NULL,
    outcome              VARCHAR(30)  NOT NULL,
    recommendations      VARCHAR(8000),
    chaired_by           VARCHAR(64),
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_lac_review_child ON lac_review (child_id, review_date);

-- SSDA903 Missing (MISSING M/A, MIS_START, MIS_END).
CREATE TABLE missing_episode (
    id                        VARCHAR(36)  PRIMARY KEY,
    child_id                  VARCHAR(36)  NOT NULL REFERENCES child (id),
    process_instance_id       VARCHAR(64),
    missing_type              VARCHAR(1)   NOT NULL,
    mis_start                 DATE         NOT NULL,
    mis_end                   DATE,
    return_interview_offered  BOOLEAN,
    recorded_by               VARCHAR(64),
    created_at                TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_missing_episode_child ON missing_episode (child_id, mis_start);

-- Statutory visits (CPPCR 2010 reg 28); Annex A list 8 "last visit".
CREATE TABLE lac_visit (
    id                   VARCHAR(36)  PRIMARY KEY,
    child_id             VARCHAR(36)  NOT NULL REFERENCES child (id),
    process_instance_id  VARCHAR(64),
    visit_date           DATE         NOT NULL,
    child_seen_alone     BOOLEAN      NOT NULL,
    placement_start      DATE,
    first_visit_to_placement BOOLEAN  NOT NULL,
    visited_by           VARCHAR(64),
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_lac_visit_child ON lac_visit (child_id, visit_date);

-- Health assessments (CPPCR 2010 reg 7); OC2 HEALTH_CHECK, IMMUNISATIONS, TEETH_CHECK; Annex A list 8.
CREATE TABLE health_assessment (
    id                        VARCHAR(36)  PRIMARY KEY,
    child_id                  VARCHAR(36)  NOT NULL REFERENCES child (id),
    process_instance_id       VARCHAR(64),
    assessment_type           VARCHAR(10)  NOT NULL,
    assessment_date           DATE         NOT NULL,
    dental_check_date         DATE,
    immunisations_up_to_date  BOOLEAN,
    recorded_by               VARCHAR(64),
    created_at                TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_health_assessment_child ON health_assessment (child_id, assessment_date);

-- Personal education plans.
CREATE TABLE pep (
    id                   VARCHAR(36)  PRIMARY KEY,
    child_id             VARCHAR(36)  NOT NULL REFERENCES child (id),
    process_instance_id  VARCHAR(64),
    pep_date             DATE         NOT NULL,
    education_setting    VARCHAR(200),
    recorded_by          VARCHAR(64),
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_pep_child ON pep (child_id, pep_date);
