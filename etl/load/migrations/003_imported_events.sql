-- Events imported from outside datasets by `python -m etl import gdelt|acled`.
-- Each row sits beside its events row (same event_id; events.origin is 'gdelt' or 'acled'):
-- events holds what Entente shows, this table what the source said. ETL runs rebuild only
-- origin = 'extracted' events, so neither table loses imported rows.
CREATE TABLE imported_events (
    event_id       VARCHAR PRIMARY KEY,  -- 'gdelt:' || GLOBALEVENTID, 'acled:' || event_id_cnty (|| ':actor2')
    origin         VARCHAR NOT NULL,     -- gdelt | acled
    source_id      VARCHAR NOT NULL,     -- the source's own id: GLOBALEVENTID or event_id_cnty
    source_file    VARCHAR NOT NULL,     -- the path or URL given on the command line
    cameo_code     VARCHAR,              -- GDELT EventCode, as text: leading zeros matter
    goldstein      DOUBLE,               -- GDELT GoldsteinScale, -10 .. +10
    num_mentions   INTEGER,              -- GDELT NumMentions, NumSources, NumArticles
    num_sources    INTEGER,
    num_articles   INTEGER,
    avg_tone       DOUBLE,               -- GDELT AvgTone
    source_url     VARCHAR,              -- GDELT SOURCEURL (absent in GDELT 1.0 files before April 2013)
    source_type    VARCHAR,              -- ACLED event_type / sub_event_type
    source_actor1  VARCHAR,              -- ACLED actor1 and actor2 as written
    source_actor2  VARCHAR,
    location       VARCHAR,              -- ACLED location, admin1, country
    notes          VARCHAR,              -- ACLED notes
    fatalities     INTEGER,              -- ACLED fatalities, for the whole event (all sides)
    sources        VARCHAR,              -- ACLED source (the publications it cites)
    imported_at    TIMESTAMP NOT NULL
);
