-- A child in need episode (from the referral) ends when the case closes or steps down.
ALTER TABLE referral ADD COLUMN closure_date DATE;
ALTER TABLE referral ADD COLUMN closure_reason VARCHAR(4);

-- Police protection (up to 72 hours) or an emergency protection order, at any point of the journey.
CREATE TABLE immediate_protection (
    id             VARCHAR(36)  PRIMARY KEY,
    child_id       VARCHAR(36)  NOT NULL REFERENCES child (id),
    protection_type VARCHAR(40) NOT NULL,
    started_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    child_removed  BOOLEAN      NOT NULL,
    journey_id     VARCHAR(64),
    recorded_by    VARCHAR(64),
    recorded_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_immediate_protection_child ON immediate_protection (child_id);
