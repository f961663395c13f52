-- event_months without the month: 66k rows where event_months has 1.9M at 10M events. The
-- dashboard's counts that need no month (headline, top pairs, the heatmap, the network) read it
-- when no date or confidence filter is set. Rebuilt from event_months before every publish
-- (etl/load/summaries.py); never edited by hand.
CREATE TABLE event_totals (
    pair        VARCHAR NOT NULL,
    actor1      VARCHAR NOT NULL,
    actor2      VARCHAR NOT NULL,
    event_type  VARCHAR NOT NULL,
    origin      VARCHAR NOT NULL,
    status      VARCHAR NOT NULL,
    events      BIGINT NOT NULL,
    reports     BIGINT NOT NULL,
    first_date  DATE,
    last_date   DATE
);
