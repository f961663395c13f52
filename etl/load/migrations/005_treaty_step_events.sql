-- Each treaty step beside the columns of its event that the sidebar filters and the Treaties page
-- read: that page picks and draws treaties from these 0.8M rows (at 10M events) instead of joining
-- treaty_steps to every event (0.3–0.8 s). Rebuilt from treaty_steps ⋈ events before every publish
-- (etl/load/summaries.py); never edited by hand.
CREATE TABLE treaty_step_events (
    treaty_id       VARCHAR NOT NULL,
    treaty_last     DATE,              -- the newest date of any of this treaty's events
    step            VARCHAR NOT NULL,
    party           VARCHAR,
    event_id        VARCHAR NOT NULL,
    event_type      VARCHAR NOT NULL,
    actor1          VARCHAR NOT NULL,
    actor2          VARCHAR NOT NULL,
    pair            VARCHAR NOT NULL,
    date            DATE,              -- the event's date, as the events table has it
    date_precision  VARCHAR NOT NULL,
    n_sources       INTEGER NOT NULL,
    confidence      DOUBLE NOT NULL,
    status          VARCHAR NOT NULL,
    origin          VARCHAR NOT NULL
);
