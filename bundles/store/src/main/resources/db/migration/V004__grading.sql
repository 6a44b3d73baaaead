-- Grading: each run of a model with what it fitted and how good it is, and every customer's
-- current grade per model, written by the run that last graded them.

CREATE TABLE sh_grade_run (
    run_id         BIGINT         NOT NULL,
    model          VARCHAR(60)    NOT NULL,
    model_version  VARCHAR(60)    NOT NULL,
    as_of          DATE           NOT NULL,
    parameters     VARCHAR(32000) NOT NULL,
    quality        VARCHAR(4000)  NOT NULL,
    population     BIGINT         NOT NULL,
    created_at     TIMESTAMP      NOT NULL,
    CONSTRAINT sh_grade_run_pk PRIMARY KEY (run_id)
);
CREATE INDEX sh_grade_run_model ON sh_grade_run (model, run_id);

CREATE TABLE sh_grade (
    model          VARCHAR(60)    NOT NULL,
    account        VARCHAR(20)    NOT NULL,
    grade          VARCHAR(40)    NOT NULL,
    score          DOUBLE PRECISION,
    reason         VARCHAR(1000)  NOT NULL,
    run_id         BIGINT         NOT NULL,
    model_version  VARCHAR(60)    NOT NULL,
    graded_at      TIMESTAMP      NOT NULL,
    CONSTRAINT sh_grade_pk PRIMARY KEY (model, account)
);
-- ranked lists for account managers: a model's grade by score
CREATE INDEX sh_grade_rank ON sh_grade (model, grade, score);
-- a customer's grades from every model
CREATE INDEX sh_grade_account ON sh_grade (account);
