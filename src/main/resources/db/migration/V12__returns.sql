-- Every statutory return or inspection list produced: who downloaded the personal data, and the
-- CIN census SerialNo (how many times that year's return has been generated). Portable: H2 and PostgreSQL.
CREATE TABLE return_generation (
    id             VARCHAR(36)  PRIMARY KEY,
    collection     VARCHAR(20)  NOT NULL,
    period         VARCHAR(30)  NOT NULL,
    serial_no      INTEGER      NOT NULL,
    generated_by   VARCHAR(64)  NOT NULL,
    generated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_return_generation_serial UNIQUE (collection, period, serial_no)
);
