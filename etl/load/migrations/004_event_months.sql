-- Events counted per month, pair, direction, type, origin and status: the dashboard's charts of
-- counts read this instead of every event when the filters allow (whole months, no confidence
-- floor). Rebuilt from events before every publish (etl/load/summaries.py); never edited by hand.
CREATE TABLE event_months (
    month       DATE,              -- first day of the event's month; NULL for undated events
    pair        VARCHAR NOT NULL,
    actor1      VARCHAR NOT NULL,
    actor2      VARCHAR NOT NULL,
    event_type  VARCHAR NOT NULL,
    origin      VARCHAR NOT NULL,
    status      VARCHAR NOT NULL,
    events      BIGINT NOT NULL,
    reports     BIGINT NOT NULL,   -- sum of n_sources: articles reporting each event, summed
    first_date  DATE,
    last_date   DATE
);
