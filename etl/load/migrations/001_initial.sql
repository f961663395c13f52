-- Tables of CONTRACTS section 4. Later changes go in new numbered files.
CREATE TABLE articles (
    article_id   VARCHAR PRIMARY KEY,
    title        VARCHAR,
    url          VARCHAR,
    publisher    VARCHAR,
    published    TIMESTAMP,
    language     VARCHAR,
    text         VARCHAR NOT NULL,
    source       VARCHAR NOT NULL,
    ingested_at  TIMESTAMP NOT NULL
);

-- Every place an article was read from; the same text from two files is one article.
CREATE TABLE article_sources (
    article_id  VARCHAR NOT NULL,
    source      VARCHAR NOT NULL,
    PRIMARY KEY (article_id, source)
);

CREATE TABLE mentions (
    mention_id      VARCHAR PRIMARY KEY,
    article_id      VARCHAR NOT NULL,
    event_id        VARCHAR,
    event_type      VARCHAR NOT NULL,
    subtype         VARCHAR NOT NULL,
    actor1          VARCHAR NOT NULL,
    actor2          VARCHAR NOT NULL,
    pair            VARCHAR NOT NULL,
    date            DATE,
    date_precision  VARCHAR NOT NULL,
    count           BIGINT,
    reported_by     VARCHAR[] NOT NULL,
    location        VARCHAR,
    sentence        VARCHAR NOT NULL,
    sentence_index  INTEGER NOT NULL,
    confidence      DOUBLE NOT NULL
);

CREATE TABLE events (
    event_id        VARCHAR PRIMARY KEY,
    event_type      VARCHAR NOT NULL,
    subtype         VARCHAR NOT NULL,
    actor1          VARCHAR NOT NULL,
    actor2          VARCHAR NOT NULL,
    pair            VARCHAR NOT NULL,
    date            DATE,
    date_precision  VARCHAR NOT NULL,
    count           BIGINT,
    n_mentions      INTEGER NOT NULL,
    n_sources       INTEGER NOT NULL,
    confidence      DOUBLE NOT NULL,
    status          VARCHAR NOT NULL DEFAULT 'auto',
    origin          VARCHAR NOT NULL DEFAULT 'extracted'
);

-- Reviewers' decisions, kept apart from events so that rebuilding events never loses them.
CREATE TABLE reviews (
    event_id        VARCHAR PRIMARY KEY,
    status          VARCHAR NOT NULL,
    event_type      VARCHAR,
    subtype         VARCHAR,
    actor1          VARCHAR,
    actor2          VARCHAR,
    date            DATE,
    date_precision  VARCHAR,
    count           BIGINT,
    note            VARCHAR,
    mention_ids     VARCHAR[] NOT NULL,
    decided_at      TIMESTAMP NOT NULL
);

CREATE TABLE countries (
    iso3     VARCHAR PRIMARY KEY,
    iso2     VARCHAR,
    name     VARCHAR NOT NULL,
    name_fr  VARCHAR,
    name_es  VARCHAR,
    name_de  VARCHAR
);

CREATE TABLE etl_runs (
    run_id          VARCHAR PRIMARY KEY,
    started         TIMESTAMP NOT NULL,
    finished        TIMESTAMP,
    inputs          VARCHAR[] NOT NULL,
    n_inputs        INTEGER,
    n_articles      INTEGER,
    n_new_articles  INTEGER,
    n_mentions      INTEGER,
    n_new_mentions  INTEGER,
    n_events        INTEGER,
    n_errors        INTEGER,
    errors          VARCHAR[],
    status          VARCHAR NOT NULL
);
