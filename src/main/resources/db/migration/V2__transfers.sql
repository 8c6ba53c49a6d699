-- Transfer points: the case moves team (shared/spec/journey.md "Transfer points").
CREATE TABLE transfer (
    id             VARCHAR(36)   PRIMARY KEY,
    child_id       VARCHAR(36)   NOT NULL REFERENCES child (id),
    transferred_at TIMESTAMP WITH TIME ZONE NOT NULL,
    from_team      VARCHAR(40),
    to_team        VARCHAR(40)   NOT NULL,
    reason         VARCHAR(400)  NOT NULL,
    process_instance_id VARCHAR(64)
);
CREATE INDEX ix_transfer_child ON transfer (child_id);
