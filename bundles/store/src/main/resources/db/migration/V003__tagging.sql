-- Tagging: the third-party credit feed the credit theme reads, the accounts each import touched
-- (what an incremental tagging run re-tags), and the tag engine's runs and results.

-- Third-party credit feed (dataset credit_records): banks, payment platforms, property
-- registries and other utilities reporting on a customer.
CREATE TABLE sh_credit_record (
    record_id      VARCHAR(40)    NOT NULL,
    account        VARCHAR(20)    NOT NULL,
    source         VARCHAR(20)    NOT NULL,
    kind           VARCHAR(20)    NOT NULL,
    reported       DATE           NOT NULL,
    status         VARCHAR(12)    NOT NULL,
    amount         DECIMAL(14, 2),
    overdue_days   INTEGER,
    batch_id       BIGINT         NOT NULL,
    CONSTRAINT sh_credit_record_pk PRIMARY KEY (record_id)
);
CREATE INDEX sh_credit_record_account ON sh_credit_record (account, reported);

-- Accounts whose data an import added or changed, by import job and slice of the file (its
-- first line): an incremental tagging run re-tags the accounts marked since the run before it.
-- Keyed by slice so that a slice only ever writes marks of its own, without looking up others.
CREATE TABLE sh_customer_change (
    batch_id       BIGINT        NOT NULL,
    first_line     BIGINT        NOT NULL,
    account        VARCHAR(20)   NOT NULL,
    CONSTRAINT sh_customer_change_pk PRIMARY KEY (batch_id, first_line, account)
);

-- One row per tagging run (run_id is its job's id). An incremental run adjusts the
-- distribution of its base run; changes are the import batches [change_from, change_to).
CREATE TABLE sh_tag_run (
    run_id         BIGINT        NOT NULL,
    mode           VARCHAR(12)   NOT NULL,
    as_of          DATE          NOT NULL,
    base_run       BIGINT,
    change_from    BIGINT        NOT NULL,
    change_to      BIGINT        NOT NULL,
    visits_since   TIMESTAMP,
    themes         VARCHAR(2000) NOT NULL,
    created_at     TIMESTAMP     NOT NULL,
    CONSTRAINT sh_tag_run_pk PRIMARY KEY (run_id)
);

-- The current tags of each customer: every theme's values, scores, reasons and versions as one
-- JSON document, written by the run that last tagged the customer.
CREATE TABLE sh_customer_tags (
    account        VARCHAR(20)    NOT NULL,
    run_id         BIGINT         NOT NULL,
    tagged_at      TIMESTAMP      NOT NULL,
    tags           VARCHAR(32000) NOT NULL,
    CONSTRAINT sh_customer_tags_pk PRIMARY KEY (account)
);

-- What each committed partition of a run changed in the distribution of tags: customers
-- given a value (positive) and, in incremental runs, customers that lost one (negative).
CREATE TABLE sh_tag_count (
    run_id         BIGINT        NOT NULL,
    partition_no   INTEGER       NOT NULL,
    theme          VARCHAR(60)   NOT NULL,
    dimension      VARCHAR(60)   NOT NULL,
    tag_value      VARCHAR(200)  NOT NULL,
    theme_version  VARCHAR(60)   NOT NULL,
    customers      BIGINT        NOT NULL,
    CONSTRAINT sh_tag_count_pk PRIMARY KEY (run_id, partition_no, theme, dimension, tag_value, theme_version)
);
