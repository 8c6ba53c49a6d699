-- What the SSDA903 return and Annex A list 8 need from the looked-after journey (docs/returns.md).
-- Every new column is nullable: null means "not recorded yet", never "no".

-- The UASC table: whether the child is an unaccompanied asylum-seeking child and DUC, the date that
-- status ceased or will cease; the latest recorded answer wins.
CREATE TABLE lac_child_status (
    child_id            VARCHAR(36)  PRIMARY KEY REFERENCES child (id),
    uasc                BOOLEAN,
    duc                 DATE,
    uasc_recorded_at    TIMESTAMP WITH TIME ZONE
);

-- PrevPerm: the permanence option the child had before this period of care (one per period).
CREATE TABLE lac_previous_permanence (
    process_instance_id  VARCHAR(64)  PRIMARY KEY,
    child_id             VARCHAR(36)  NOT NULL REFERENCES child (id),
    prev_perm            VARCHAR(2)   NOT NULL,
    la_perm              VARCHAR(3),
    date_perm            DATE,
    recorded_by          VARCHAR(64),
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_lac_previous_permanence_child ON lac_previous_permanence (child_id);

-- OC2: what the health assessment and the review record.
ALTER TABLE health_assessment ADD COLUMN sdq_score INTEGER;
ALTER TABLE health_assessment ADD COLUMN sdq_reason VARCHAR(4);
ALTER TABLE health_assessment ADD COLUMN substance_misuse BOOLEAN;
ALTER TABLE health_assessment ADD COLUMN intervention_received BOOLEAN;
ALTER TABLE health_assessment ADD COLUMN intervention_offered BOOLEAN;
ALTER TABLE lac_review ADD COLUMN convicted BOOLEAN;
-- Header MOTHER / MC_DOB, asked at each review: the latest answer up to the year's end is reported.
ALTER TABLE lac_review ADD COLUMN mother BOOLEAN;
ALTER TABLE lac_review ADD COLUMN mc_dob DATE;

-- Annex A list 8: the permanence plan of each care plan.
CREATE TABLE lac_care_plan (
    id                   VARCHAR(36)  PRIMARY KEY,
    child_id             VARCHAR(36)  NOT NULL REFERENCES child (id),
    process_instance_id  VARCHAR(64),
    care_plan_date       DATE         NOT NULL,
    permanence_plan      VARCHAR(30)  NOT NULL,
    recorded_by          VARCHAR(64),
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_lac_care_plan_child ON lac_care_plan (child_id, care_plan_date);

-- SWEpisodes: each social worker's identifier (SW_ID, e.g. their Social Work England registration
-- number), and the reason the child's social worker changed (SW_REASON) on each allocation.
CREATE TABLE social_worker_registration (
    user_id      VARCHAR(64)  PRIMARY KEY,
    sw_id        VARCHAR(20)  NOT NULL UNIQUE,
    recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
ALTER TABLE allocation ADD COLUMN sw_change_reason VARCHAR(6);
