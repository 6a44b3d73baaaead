-- The customer base ("surface" data): customers and their histories, imported in batches.
-- Every history row carries the import job that brought it (batch_id); natural keys make a
-- second import of the same file add nothing.
-- Identity numbers are never stored: only a keyed hash (lookup) and a masked form (display).
-- Phones are kept as a keyed hash, a masked form and an encrypted value (for sending SMS).
-- Primary keys are named <table>_pk: imports tell Derby's optimizer to probe them.

CREATE TABLE sh_customer (
    account        VARCHAR(20)   NOT NULL,
    kind           VARCHAR(20)   NOT NULL,
    name           VARCHAR(200)  NOT NULL,
    id_hash        VARCHAR(64),
    id_masked      VARCHAR(24),
    phone_hash     VARCHAR(64),
    phone_masked   VARCHAR(24),
    phone_enc      VARCHAR(200),
    address        VARCHAR(400),
    region         VARCHAR(12),
    supply_unit    VARCHAR(100),
    industry       VARCHAR(8),
    contract_kva   DOUBLE PRECISION,
    opened         DATE,
    sensitive      VARCHAR(200),
    missing        VARCHAR(400),
    batch_id       BIGINT        NOT NULL,
    updated_at     TIMESTAMP     NOT NULL,
    CONSTRAINT sh_customer_pk PRIMARY KEY (account)
);
CREATE INDEX sh_customer_id_hash ON sh_customer (id_hash);
CREATE INDEX sh_customer_phone_hash ON sh_customer (phone_hash);
CREATE INDEX sh_customer_name ON sh_customer (name);
CREATE INDEX sh_customer_kind ON sh_customer (kind, account);

CREATE TABLE sh_consumption (
    account        VARCHAR(20)      NOT NULL,
    month          DATE             NOT NULL,
    peak_kwh       DOUBLE PRECISION,
    flat_kwh       DOUBLE PRECISION,
    valley_kwh     DOUBLE PRECISION,
    amount         DECIMAL(12, 2),
    batch_id       BIGINT           NOT NULL,
    CONSTRAINT sh_consumption_pk PRIMARY KEY (account, month)
);

CREATE TABLE sh_bill (
    account        VARCHAR(20)    NOT NULL,
    period         DATE           NOT NULL,
    amount         DECIMAL(12, 2) NOT NULL,
    due            DATE           NOT NULL,
    paid           DATE,
    outstanding    DECIMAL(12, 2),
    batch_id       BIGINT         NOT NULL,
    CONSTRAINT sh_bill_pk PRIMARY KEY (account, period)
);

CREATE TABLE sh_payment (
    payment_id     VARCHAR(40)    NOT NULL,
    account        VARCHAR(20)    NOT NULL,
    paid_on        DATE           NOT NULL,
    amount         DECIMAL(12, 2) NOT NULL,
    channel        VARCHAR(20)    NOT NULL,
    period         DATE,
    batch_id       BIGINT         NOT NULL,
    CONSTRAINT sh_payment_pk PRIMARY KEY (payment_id)
);
CREATE INDEX sh_payment_account ON sh_payment (account, paid_on);

CREATE TABLE sh_balance (
    account        VARCHAR(20)    NOT NULL,
    occurred_at    TIMESTAMP      NOT NULL,
    balance        DECIMAL(12, 2) NOT NULL,
    batch_id       BIGINT         NOT NULL,
    CONSTRAINT sh_balance_pk PRIMARY KEY (account, occurred_at)
);

CREATE TABLE sh_recharge (
    recharge_id    VARCHAR(40)    NOT NULL,
    account        VARCHAR(20)    NOT NULL,
    occurred_at    TIMESTAMP      NOT NULL,
    amount         DECIMAL(12, 2) NOT NULL,
    channel        VARCHAR(20)    NOT NULL,
    success        SMALLINT       NOT NULL,
    failure_reason VARCHAR(200),
    batch_id       BIGINT         NOT NULL,
    CONSTRAINT sh_recharge_pk PRIMARY KEY (recharge_id)
);
CREATE INDEX sh_recharge_account ON sh_recharge (account, occurred_at);

CREATE TABLE sh_trip (
    account        VARCHAR(20)    NOT NULL,
    occurred_at    TIMESTAMP      NOT NULL,
    balance        DECIMAL(12, 2) NOT NULL,
    batch_id       BIGINT         NOT NULL,
    CONSTRAINT sh_trip_pk PRIMARY KEY (account, occurred_at)
);

CREATE TABLE sh_work_order (
    order_id       VARCHAR(40)   NOT NULL,
    account        VARCHAR(20),
    channel        VARCHAR(20)   NOT NULL,
    kind           VARCHAR(20)   NOT NULL,
    opened         TIMESTAMP     NOT NULL,
    resolved       TIMESTAMP,
    resolution     VARCHAR(400),
    satisfaction   SMALLINT,
    batch_id       BIGINT        NOT NULL,
    CONSTRAINT sh_work_order_pk PRIMARY KEY (order_id)
);
CREATE INDEX sh_work_order_account ON sh_work_order (account, opened);

CREATE TABLE sh_rating (
    rating_id      VARCHAR(40)  NOT NULL,
    account        VARCHAR(20),
    source         VARCHAR(20)  NOT NULL,
    hall           VARCHAR(40),
    window_no      VARCHAR(20),
    score          SMALLINT     NOT NULL,
    occurred_at    TIMESTAMP    NOT NULL,
    batch_id       BIGINT       NOT NULL,
    CONSTRAINT sh_rating_pk PRIMARY KEY (rating_id)
);
CREATE INDEX sh_rating_account ON sh_rating (account, occurred_at);

CREATE TABLE sh_consent (
    account        VARCHAR(20)  NOT NULL,
    purpose        VARCHAR(30)  NOT NULL,
    channel        VARCHAR(20)  NOT NULL,
    occurred_at    TIMESTAMP    NOT NULL,
    granted        SMALLINT     NOT NULL,
    place          VARCHAR(20)  NOT NULL,
    batch_id       BIGINT       NOT NULL,
    CONSTRAINT sh_consent_pk PRIMARY KEY (account, purpose, channel, occurred_at)
);

CREATE TABLE sh_contact (
    contact_id     VARCHAR(40)  NOT NULL,
    account        VARCHAR(20)  NOT NULL,
    occurred_at    TIMESTAMP    NOT NULL,
    channel        VARCHAR(20)  NOT NULL,
    kind           VARCHAR(20)  NOT NULL,
    batch_id       BIGINT       NOT NULL,
    CONSTRAINT sh_contact_pk PRIMARY KEY (contact_id)
);
CREATE INDEX sh_contact_account ON sh_contact (account, occurred_at);

CREATE TABLE sh_hall (
    hall_id        VARCHAR(40)   NOT NULL,
    name           VARCHAR(200)  NOT NULL,
    region         VARCHAR(12)   NOT NULL,
    zones          VARCHAR(400)  NOT NULL,
    batch_id       BIGINT        NOT NULL,
    CONSTRAINT sh_hall_pk PRIMARY KEY (hall_id)
);

-- Point data: what happened where in a hall; visits and trajectories are rebuilt from it.
-- The key leads with the hall and the time: live events arrive in time order and append to the
-- index, and a day of a hall is one range of it.
CREATE TABLE sh_zone_event (
    hall           VARCHAR(40)  NOT NULL,
    visitor        VARCHAR(64)  NOT NULL,
    occurred_at    TIMESTAMP    NOT NULL,
    zone           VARCHAR(30)  NOT NULL,
    kind           VARCHAR(20)  NOT NULL,
    account        VARCHAR(20),
    detail         VARCHAR(40),
    batch_id       BIGINT       NOT NULL,
    CONSTRAINT sh_zone_event_pk PRIMARY KEY (hall, occurred_at, visitor, zone, kind)
);
-- The events that identified a customer, keyed by account: the few events with an account
-- indexed apart, so that the many anonymous ones are cheaper to store.
CREATE TABLE sh_zone_event_account (
    account        VARCHAR(20)  NOT NULL,
    occurred_at    TIMESTAMP    NOT NULL,
    hall           VARCHAR(40)  NOT NULL,
    visitor        VARCHAR(64)  NOT NULL,
    zone           VARCHAR(30)  NOT NULL,
    kind           VARCHAR(20)  NOT NULL,
    CONSTRAINT sh_zone_event_account_pk PRIMARY KEY (account, occurred_at, hall, visitor, zone, kind)
);

-- Imports: one per import job, with every rejected row and why.
CREATE TABLE sh_import (
    job_id         BIGINT        NOT NULL,
    dataset        VARCHAR(30)   NOT NULL,
    format         VARCHAR(10)   NOT NULL,
    charset        VARCHAR(20)   NOT NULL,
    file_name      VARCHAR(300)  NOT NULL,
    file_sha256    VARCHAR(64)   NOT NULL,
    file_bytes     BIGINT        NOT NULL,
    created_at     TIMESTAMP     NOT NULL,
    CONSTRAINT sh_import_pk PRIMARY KEY (job_id)
);

CREATE TABLE sh_import_reject (
    job_id         BIGINT         NOT NULL,
    line           BIGINT         NOT NULL,
    field          VARCHAR(60)    NOT NULL,
    reason         VARCHAR(400)   NOT NULL,
    CONSTRAINT sh_import_reject_pk PRIMARY KEY (job_id, line, field)
);
