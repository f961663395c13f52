-- Treaties as things: the treaty events of one pair that tell one treaty's life, grouped into a record.
CREATE TABLE treaties (
    treaty_id         VARCHAR PRIMARY KEY,
    pair              VARCHAR NOT NULL,
    name              VARCHAR,
    parties           VARCHAR[] NOT NULL,
    first_date        DATE,
    signed            DATE,
    in_force          DATE,
    stage             VARCHAR NOT NULL,  -- the furthest step reached: negotiated .. in_force, or suspended
    replaces          VARCHAR,           -- what the text says the treaty replaces, as written
    replaces_treaty_id VARCHAR,          -- and that older treaty's record, when there is one
    n_steps           INTEGER NOT NULL
);

-- One row per step of a treaty: a ratification is one party's step, a signing both parties'.
CREATE TABLE treaty_steps (
    treaty_id       VARCHAR NOT NULL,
    event_id        VARCHAR NOT NULL,
    step            VARCHAR NOT NULL,
    party           VARCHAR,            -- NULL when the step is both parties'
    date            DATE,
    date_precision  VARCHAR NOT NULL,
    PRIMARY KEY (treaty_id, event_id)
);

-- A troop count is a lower bound; this keeps what the text said ("entre 10 000 et 12 000", "thousands of").
ALTER TABLE mentions ADD COLUMN count_note VARCHAR;
