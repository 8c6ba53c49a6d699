-- CIN census items about the child that the contact now captures: disabilities (one row per DfE code)
-- and, for a child without a UPN, the reason it is not known (UN1–UN5).

CREATE TABLE child_disability (
    child_id VARCHAR(36) NOT NULL REFERENCES child (id),
    code     VARCHAR(4)  NOT NULL,
    CONSTRAINT pk_child_disability PRIMARY KEY (child_id, code)
);

ALTER TABLE child ADD COLUMN upn_unknown VARCHAR(3);
