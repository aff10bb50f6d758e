-- Search (docs/decisions/015-search.md): one FTS5 index of statements, sessions, talks and
-- sources, kept in step by the triggers below, so that no write, whatever code makes it, can leave
-- the index behind. Written with `npm run db:migrate:create -- search --empty`, then by hand: Prisma
-- does not describe virtual tables or triggers (the tables are listed in SCHEMA_FILTERS in
-- scripts/db/engine.ts so that drift checks leave them alone; a later table rebuild gets its
-- triggers back from scripts/db/sqlite-triggers.ts).
--
-- SearchRow numbers the records the index holds: its id is their rowid in SearchIndex. A record's
-- own rowid would not do: VACUUM and Prisma's table rebuilds renumber tables whose primary key is
-- not an INTEGER PRIMARY KEY.
CREATE TABLE "SearchRow" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "ref" TEXT NOT NULL
);

CREATE UNIQUE INDEX "SearchRow_ref_kind_key" ON "SearchRow"("ref", "kind");

-- What a reader may see, and only that: a deleted record leaves the index, and so does everything
-- of a deleted talk; undoing the deletion puts it back. Four columns of words, weighed apart by
-- bm25(): title, quoted words, body (statement text, summaries), note (a session's outcome note, a
-- source's publisher). "unicode61 remove_diacritics 2": no stemming, case and accents folded (the
-- decision says why). Contentless: the text stays in its own table; the page reads it from there
-- and marks the matched words itself (lib/search/highlight.ts).
-- The fifth column, tags, holds what the filters ask, as words no query can type (queries search
-- the four others): the kind (kstatement …), the talk (t<id>), party (p<id>), envoy (e<id>),
-- statement kind (s<kind>), issues (i<id>) (ids without their hyphens, so each is one word), and
-- the day at six scales (z<millennium> c<century>
-- x<decade> y<year> m<yyyymm> d<yyyymmdd>; a range of days is a few of these, lib/search/days.ts).
-- So a filtered search is answered inside the index, as fast as an unfiltered one.
CREATE VIRTUAL TABLE "SearchIndex" USING fts5(
    "title", "quote", "body", "note", "tags",
    content = '',
    contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2'
);

-- Statements
INSERT INTO "SearchRow" ("kind", "ref") SELECT 'statement', "id" FROM "Statement";

INSERT INTO "SearchIndex" ("rowid", "quote", "body", "tags")
    SELECT r."id", x."quotedWords", x."text",
        'kstatement t' || replace(x."talkId", '-', '') || ' p' || replace(x."partyId", '-', '') || coalesce(' e' || replace(x."envoyId", '-', ''), '') || ' s' || x."kind" || coalesce((SELECT ' ' || group_concat('i' || replace(l."issueId", '-', ''), ' ') FROM "StatementIssue" l WHERE l."statementId" = x."id"), '') || CASE WHEN x."saidOn" IS NULL THEN '' ELSE ' d' || replace(x."saidOn", '-', '') || ' m' || substr(replace(x."saidOn", '-', ''), 1, 6) || ' y' || substr(x."saidOn", 1, 4) || ' x' || substr(x."saidOn", 1, 3) || ' c' || substr(x."saidOn", 1, 2) || ' z' || substr(x."saidOn", 1, 1) END
    FROM "Statement" x JOIN "Talk" t ON t."id" = x."talkId" JOIN "SearchRow" r ON r."ref" = x."id" AND r."kind" = 'statement'
    WHERE x."deletedAt" IS NULL AND t."deletedAt" IS NULL;

CREATE TRIGGER "Statement_search_insert" AFTER INSERT ON "Statement" BEGIN
    INSERT INTO "SearchRow" ("kind", "ref") VALUES ('statement', new."id");
    INSERT INTO "SearchIndex" ("rowid", "quote", "body", "tags")
        SELECT r."id", x."quotedWords", x."text",
            'kstatement t' || replace(x."talkId", '-', '') || ' p' || replace(x."partyId", '-', '') || coalesce(' e' || replace(x."envoyId", '-', ''), '') || ' s' || x."kind" || coalesce((SELECT ' ' || group_concat('i' || replace(l."issueId", '-', ''), ' ') FROM "StatementIssue" l WHERE l."statementId" = x."id"), '') || CASE WHEN x."saidOn" IS NULL THEN '' ELSE ' d' || replace(x."saidOn", '-', '') || ' m' || substr(replace(x."saidOn", '-', ''), 1, 6) || ' y' || substr(x."saidOn", 1, 4) || ' x' || substr(x."saidOn", 1, 3) || ' c' || substr(x."saidOn", 1, 2) || ' z' || substr(x."saidOn", 1, 1) END
        FROM "Statement" x JOIN "Talk" t ON t."id" = x."talkId" JOIN "SearchRow" r ON r."ref" = x."id" AND r."kind" = 'statement'
        WHERE x."id" = new."id" AND x."deletedAt" IS NULL AND t."deletedAt" IS NULL;
END;

CREATE TRIGGER "Statement_search_update" AFTER UPDATE OF "text", "quotedWords", "deletedAt", "talkId", "partyId", "envoyId", "kind", "saidOn" ON "Statement" BEGIN
    DELETE FROM "SearchIndex" WHERE "rowid" = (SELECT "id" FROM "SearchRow" WHERE "ref" = old."id" AND "kind" = 'statement');
    INSERT INTO "SearchIndex" ("rowid", "quote", "body", "tags")
        SELECT r."id", x."quotedWords", x."text",
            'kstatement t' || replace(x."talkId", '-', '') || ' p' || replace(x."partyId", '-', '') || coalesce(' e' || replace(x."envoyId", '-', ''), '') || ' s' || x."kind" || coalesce((SELECT ' ' || group_concat('i' || replace(l."issueId", '-', ''), ' ') FROM "StatementIssue" l WHERE l."statementId" = x."id"), '') || CASE WHEN x."saidOn" IS NULL THEN '' ELSE ' d' || replace(x."saidOn", '-', '') || ' m' || substr(replace(x."saidOn", '-', ''), 1, 6) || ' y' || substr(x."saidOn", 1, 4) || ' x' || substr(x."saidOn", 1, 3) || ' c' || substr(x."saidOn", 1, 2) || ' z' || substr(x."saidOn", 1, 1) END
        FROM "Statement" x JOIN "Talk" t ON t."id" = x."talkId" JOIN "SearchRow" r ON r."ref" = x."id" AND r."kind" = 'statement'
        WHERE x."id" = new."id" AND x."deletedAt" IS NULL AND t."deletedAt" IS NULL;
END;

CREATE TRIGGER "Statement_search_delete" AFTER DELETE ON "Statement" BEGIN
    DELETE FROM "SearchIndex" WHERE "rowid" = (SELECT "id" FROM "SearchRow" WHERE "ref" = old."id" AND "kind" = 'statement');
    DELETE FROM "SearchRow" WHERE "ref" = old."id" AND "kind" = 'statement';
END;

-- A statement's issues are its tags too.
CREATE TRIGGER "StatementIssue_search_insert" AFTER INSERT ON "StatementIssue" BEGIN
    DELETE FROM "SearchIndex" WHERE "rowid" = (SELECT "id" FROM "SearchRow" WHERE "ref" = new."statementId" AND "kind" = 'statement');
    INSERT INTO "SearchIndex" ("rowid", "quote", "body", "tags")
        SELECT r."id", x."quotedWords", x."text",
            'kstatement t' || replace(x."talkId", '-', '') || ' p' || replace(x."partyId", '-', '') || coalesce(' e' || replace(x."envoyId", '-', ''), '') || ' s' || x."kind" || coalesce((SELECT ' ' || group_concat('i' || replace(l."issueId", '-', ''), ' ') FROM "StatementIssue" l WHERE l."statementId" = x."id"), '') || CASE WHEN x."saidOn" IS NULL THEN '' ELSE ' d' || replace(x."saidOn", '-', '') || ' m' || substr(replace(x."saidOn", '-', ''), 1, 6) || ' y' || substr(x."saidOn", 1, 4) || ' x' || substr(x."saidOn", 1, 3) || ' c' || substr(x."saidOn", 1, 2) || ' z' || substr(x."saidOn", 1, 1) END
        FROM "Statement" x JOIN "Talk" t ON t."id" = x."talkId" JOIN "SearchRow" r ON r."ref" = x."id" AND r."kind" = 'statement'
        WHERE x."id" = new."statementId" AND x."deletedAt" IS NULL AND t."deletedAt" IS NULL;
END;

CREATE TRIGGER "StatementIssue_search_delete" AFTER DELETE ON "StatementIssue" BEGIN
    DELETE FROM "SearchIndex" WHERE "rowid" = (SELECT "id" FROM "SearchRow" WHERE "ref" = old."statementId" AND "kind" = 'statement');
    INSERT INTO "SearchIndex" ("rowid", "quote", "body", "tags")
        SELECT r."id", x."quotedWords", x."text",
            'kstatement t' || replace(x."talkId", '-', '') || ' p' || replace(x."partyId", '-', '') || coalesce(' e' || replace(x."envoyId", '-', ''), '') || ' s' || x."kind" || coalesce((SELECT ' ' || group_concat('i' || replace(l."issueId", '-', ''), ' ') FROM "StatementIssue" l WHERE l."statementId" = x."id"), '') || CASE WHEN x."saidOn" IS NULL THEN '' ELSE ' d' || replace(x."saidOn", '-', '') || ' m' || substr(replace(x."saidOn", '-', ''), 1, 6) || ' y' || substr(x."saidOn", 1, 4) || ' x' || substr(x."saidOn", 1, 3) || ' c' || substr(x."saidOn", 1, 2) || ' z' || substr(x."saidOn", 1, 1) END
        FROM "Statement" x JOIN "Talk" t ON t."id" = x."talkId" JOIN "SearchRow" r ON r."ref" = x."id" AND r."kind" = 'statement'
        WHERE x."id" = old."statementId" AND x."deletedAt" IS NULL AND t."deletedAt" IS NULL;
END;

-- Sessions
INSERT INTO "SearchRow" ("kind", "ref") SELECT 'session', "id" FROM "Session";

INSERT INTO "SearchIndex" ("rowid", "title", "body", "note", "tags")
    SELECT r."id", x."title", x."summary", x."outcomeNote",
        'ksession t' || replace(x."talkId", '-', '') || coalesce((SELECT ' ' || group_concat('i' || replace(l."issueId", '-', ''), ' ') FROM "SessionIssue" l WHERE l."sessionId" = x."id"), '') || CASE WHEN x."localDay" IS NULL THEN '' ELSE ' d' || replace(x."localDay", '-', '') || ' m' || substr(replace(x."localDay", '-', ''), 1, 6) || ' y' || substr(x."localDay", 1, 4) || ' x' || substr(x."localDay", 1, 3) || ' c' || substr(x."localDay", 1, 2) || ' z' || substr(x."localDay", 1, 1) END
    FROM "Session" x JOIN "Talk" t ON t."id" = x."talkId" JOIN "SearchRow" r ON r."ref" = x."id" AND r."kind" = 'session'
    WHERE x."deletedAt" IS NULL AND t."deletedAt" IS NULL;

CREATE TRIGGER "Session_search_insert" AFTER INSERT ON "Session" BEGIN
    INSERT INTO "SearchRow" ("kind", "ref") VALUES ('session', new."id");
    INSERT INTO "SearchIndex" ("rowid", "title", "body", "note", "tags")
        SELECT r."id", x."title", x."summary", x."outcomeNote",
            'ksession t' || replace(x."talkId", '-', '') || coalesce((SELECT ' ' || group_concat('i' || replace(l."issueId", '-', ''), ' ') FROM "SessionIssue" l WHERE l."sessionId" = x."id"), '') || CASE WHEN x."localDay" IS NULL THEN '' ELSE ' d' || replace(x."localDay", '-', '') || ' m' || substr(replace(x."localDay", '-', ''), 1, 6) || ' y' || substr(x."localDay", 1, 4) || ' x' || substr(x."localDay", 1, 3) || ' c' || substr(x."localDay", 1, 2) || ' z' || substr(x."localDay", 1, 1) END
        FROM "Session" x JOIN "Talk" t ON t."id" = x."talkId" JOIN "SearchRow" r ON r."ref" = x."id" AND r."kind" = 'session'
        WHERE x."id" = new."id" AND x."deletedAt" IS NULL AND t."deletedAt" IS NULL;
END;

CREATE TRIGGER "Session_search_update" AFTER UPDATE OF "title", "summary", "outcomeNote", "deletedAt", "talkId", "localDay" ON "Session" BEGIN
    DELETE FROM "SearchIndex" WHERE "rowid" = (SELECT "id" FROM "SearchRow" WHERE "ref" = old."id" AND "kind" = 'session');
    INSERT INTO "SearchIndex" ("rowid", "title", "body", "note", "tags")
        SELECT r."id", x."title", x."summary", x."outcomeNote",
            'ksession t' || replace(x."talkId", '-', '') || coalesce((SELECT ' ' || group_concat('i' || replace(l."issueId", '-', ''), ' ') FROM "SessionIssue" l WHERE l."sessionId" = x."id"), '') || CASE WHEN x."localDay" IS NULL THEN '' ELSE ' d' || replace(x."localDay", '-', '') || ' m' || substr(replace(x."localDay", '-', ''), 1, 6) || ' y' || substr(x."localDay", 1, 4) || ' x' || substr(x."localDay", 1, 3) || ' c' || substr(x."localDay", 1, 2) || ' z' || substr(x."localDay", 1, 1) END
        FROM "Session" x JOIN "Talk" t ON t."id" = x."talkId" JOIN "SearchRow" r ON r."ref" = x."id" AND r."kind" = 'session'
        WHERE x."id" = new."id" AND x."deletedAt" IS NULL AND t."deletedAt" IS NULL;
END;

CREATE TRIGGER "Session_search_delete" AFTER DELETE ON "Session" BEGIN
    DELETE FROM "SearchIndex" WHERE "rowid" = (SELECT "id" FROM "SearchRow" WHERE "ref" = old."id" AND "kind" = 'session');
    DELETE FROM "SearchRow" WHERE "ref" = old."id" AND "kind" = 'session';
END;

-- A session's issues are its tags too.
CREATE TRIGGER "SessionIssue_search_insert" AFTER INSERT ON "SessionIssue" BEGIN
    DELETE FROM "SearchIndex" WHERE "rowid" = (SELECT "id" FROM "SearchRow" WHERE "ref" = new."sessionId" AND "kind" = 'session');
    INSERT INTO "SearchIndex" ("rowid", "title", "body", "note", "tags")
        SELECT r."id", x."title", x."summary", x."outcomeNote",
            'ksession t' || replace(x."talkId", '-', '') || coalesce((SELECT ' ' || group_concat('i' || replace(l."issueId", '-', ''), ' ') FROM "SessionIssue" l WHERE l."sessionId" = x."id"), '') || CASE WHEN x."localDay" IS NULL THEN '' ELSE ' d' || replace(x."localDay", '-', '') || ' m' || substr(replace(x."localDay", '-', ''), 1, 6) || ' y' || substr(x."localDay", 1, 4) || ' x' || substr(x."localDay", 1, 3) || ' c' || substr(x."localDay", 1, 2) || ' z' || substr(x."localDay", 1, 1) END
        FROM "Session" x JOIN "Talk" t ON t."id" = x."talkId" JOIN "SearchRow" r ON r."ref" = x."id" AND r."kind" = 'session'
        WHERE x."id" = new."sessionId" AND x."deletedAt" IS NULL AND t."deletedAt" IS NULL;
END;

CREATE TRIGGER "SessionIssue_search_delete" AFTER DELETE ON "SessionIssue" BEGIN
    DELETE FROM "SearchIndex" WHERE "rowid" = (SELECT "id" FROM "SearchRow" WHERE "ref" = old."sessionId" AND "kind" = 'session');
    INSERT INTO "SearchIndex" ("rowid", "title", "body", "note", "tags")
        SELECT r."id", x."title", x."summary", x."outcomeNote",
            'ksession t' || replace(x."talkId", '-', '') || coalesce((SELECT ' ' || group_concat('i' || replace(l."issueId", '-', ''), ' ') FROM "SessionIssue" l WHERE l."sessionId" = x."id"), '') || CASE WHEN x."localDay" IS NULL THEN '' ELSE ' d' || replace(x."localDay", '-', '') || ' m' || substr(replace(x."localDay", '-', ''), 1, 6) || ' y' || substr(x."localDay", 1, 4) || ' x' || substr(x."localDay", 1, 3) || ' c' || substr(x."localDay", 1, 2) || ' z' || substr(x."localDay", 1, 1) END
        FROM "Session" x JOIN "Talk" t ON t."id" = x."talkId" JOIN "SearchRow" r ON r."ref" = x."id" AND r."kind" = 'session'
        WHERE x."id" = old."sessionId" AND x."deletedAt" IS NULL AND t."deletedAt" IS NULL;
END;

-- Talks
INSERT INTO "SearchRow" ("kind", "ref") SELECT 'talk', "id" FROM "Talk";

INSERT INTO "SearchIndex" ("rowid", "title", "body", "tags")
    SELECT r."id", x."title", x."summary",
        'ktalk t' || replace(x."id", '-', '')
    FROM "Talk" x JOIN "SearchRow" r ON r."ref" = x."id" AND r."kind" = 'talk'
    WHERE x."deletedAt" IS NULL;

CREATE TRIGGER "Talk_search_insert" AFTER INSERT ON "Talk" BEGIN
    INSERT INTO "SearchRow" ("kind", "ref") VALUES ('talk', new."id");
    INSERT INTO "SearchIndex" ("rowid", "title", "body", "tags")
        SELECT r."id", x."title", x."summary",
            'ktalk t' || replace(x."id", '-', '')
        FROM "Talk" x JOIN "SearchRow" r ON r."ref" = x."id" AND r."kind" = 'talk'
        WHERE x."id" = new."id" AND x."deletedAt" IS NULL;
END;

CREATE TRIGGER "Talk_search_update" AFTER UPDATE OF "title", "summary", "deletedAt" ON "Talk" BEGIN
    DELETE FROM "SearchIndex" WHERE "rowid" = (SELECT "id" FROM "SearchRow" WHERE "ref" = old."id" AND "kind" = 'talk');
    INSERT INTO "SearchIndex" ("rowid", "title", "body", "tags")
        SELECT r."id", x."title", x."summary",
            'ktalk t' || replace(x."id", '-', '')
        FROM "Talk" x JOIN "SearchRow" r ON r."ref" = x."id" AND r."kind" = 'talk'
        WHERE x."id" = new."id" AND x."deletedAt" IS NULL;
END;

CREATE TRIGGER "Talk_search_delete" AFTER DELETE ON "Talk" BEGIN
    DELETE FROM "SearchIndex" WHERE "rowid" = (SELECT "id" FROM "SearchRow" WHERE "ref" = old."id" AND "kind" = 'talk');
    DELETE FROM "SearchRow" WHERE "ref" = old."id" AND "kind" = 'talk';
END;

-- Sources
INSERT INTO "SearchRow" ("kind", "ref") SELECT 'source', "id" FROM "Source";

INSERT INTO "SearchIndex" ("rowid", "title", "note", "tags")
    SELECT r."id", x."title", x."publisher",
        'ksource' || CASE WHEN x."publishedOn" IS NULL THEN '' ELSE ' d' || replace(x."publishedOn", '-', '') || ' m' || substr(replace(x."publishedOn", '-', ''), 1, 6) || ' y' || substr(x."publishedOn", 1, 4) || ' x' || substr(x."publishedOn", 1, 3) || ' c' || substr(x."publishedOn", 1, 2) || ' z' || substr(x."publishedOn", 1, 1) END
    FROM "Source" x JOIN "SearchRow" r ON r."ref" = x."id" AND r."kind" = 'source'
    WHERE x."deletedAt" IS NULL;

CREATE TRIGGER "Source_search_insert" AFTER INSERT ON "Source" BEGIN
    INSERT INTO "SearchRow" ("kind", "ref") VALUES ('source', new."id");
    INSERT INTO "SearchIndex" ("rowid", "title", "note", "tags")
        SELECT r."id", x."title", x."publisher",
            'ksource' || CASE WHEN x."publishedOn" IS NULL THEN '' ELSE ' d' || replace(x."publishedOn", '-', '') || ' m' || substr(replace(x."publishedOn", '-', ''), 1, 6) || ' y' || substr(x."publishedOn", 1, 4) || ' x' || substr(x."publishedOn", 1, 3) || ' c' || substr(x."publishedOn", 1, 2) || ' z' || substr(x."publishedOn", 1, 1) END
        FROM "Source" x JOIN "SearchRow" r ON r."ref" = x."id" AND r."kind" = 'source'
        WHERE x."id" = new."id" AND x."deletedAt" IS NULL;
END;

CREATE TRIGGER "Source_search_update" AFTER UPDATE OF "title", "publisher", "deletedAt", "publishedOn" ON "Source" BEGIN
    DELETE FROM "SearchIndex" WHERE "rowid" = (SELECT "id" FROM "SearchRow" WHERE "ref" = old."id" AND "kind" = 'source');
    INSERT INTO "SearchIndex" ("rowid", "title", "note", "tags")
        SELECT r."id", x."title", x."publisher",
            'ksource' || CASE WHEN x."publishedOn" IS NULL THEN '' ELSE ' d' || replace(x."publishedOn", '-', '') || ' m' || substr(replace(x."publishedOn", '-', ''), 1, 6) || ' y' || substr(x."publishedOn", 1, 4) || ' x' || substr(x."publishedOn", 1, 3) || ' c' || substr(x."publishedOn", 1, 2) || ' z' || substr(x."publishedOn", 1, 1) END
        FROM "Source" x JOIN "SearchRow" r ON r."ref" = x."id" AND r."kind" = 'source'
        WHERE x."id" = new."id" AND x."deletedAt" IS NULL;
END;

CREATE TRIGGER "Source_search_delete" AFTER DELETE ON "Source" BEGIN
    DELETE FROM "SearchIndex" WHERE "rowid" = (SELECT "id" FROM "SearchRow" WHERE "ref" = old."id" AND "kind" = 'source');
    DELETE FROM "SearchRow" WHERE "ref" = old."id" AND "kind" = 'source';
END;

-- A talk deleted takes its statements and sessions out of the index; undoing it brings back the
-- live ones.
CREATE TRIGGER "Talk_search_rows" AFTER UPDATE OF "deletedAt" ON "Talk" WHEN old."deletedAt" IS NOT new."deletedAt" BEGIN
    DELETE FROM "SearchIndex" WHERE "rowid" IN (
        SELECT r."id" FROM "Statement" x JOIN "SearchRow" r ON r."ref" = x."id" AND r."kind" = 'statement' WHERE x."talkId" = new."id"
        UNION ALL
        SELECT r."id" FROM "Session" x JOIN "SearchRow" r ON r."ref" = x."id" AND r."kind" = 'session' WHERE x."talkId" = new."id");
    INSERT INTO "SearchIndex" ("rowid", "quote", "body", "tags")
        SELECT r."id", x."quotedWords", x."text",
            'kstatement t' || replace(x."talkId", '-', '') || ' p' || replace(x."partyId", '-', '') || coalesce(' e' || replace(x."envoyId", '-', ''), '') || ' s' || x."kind" || coalesce((SELECT ' ' || group_concat('i' || replace(l."issueId", '-', ''), ' ') FROM "StatementIssue" l WHERE l."statementId" = x."id"), '') || CASE WHEN x."saidOn" IS NULL THEN '' ELSE ' d' || replace(x."saidOn", '-', '') || ' m' || substr(replace(x."saidOn", '-', ''), 1, 6) || ' y' || substr(x."saidOn", 1, 4) || ' x' || substr(x."saidOn", 1, 3) || ' c' || substr(x."saidOn", 1, 2) || ' z' || substr(x."saidOn", 1, 1) END
        FROM "Statement" x JOIN "Talk" t ON t."id" = x."talkId" JOIN "SearchRow" r ON r."ref" = x."id" AND r."kind" = 'statement'
        WHERE x."talkId" = new."id" AND x."deletedAt" IS NULL AND t."deletedAt" IS NULL;
    INSERT INTO "SearchIndex" ("rowid", "title", "body", "note", "tags")
        SELECT r."id", x."title", x."summary", x."outcomeNote",
            'ksession t' || replace(x."talkId", '-', '') || coalesce((SELECT ' ' || group_concat('i' || replace(l."issueId", '-', ''), ' ') FROM "SessionIssue" l WHERE l."sessionId" = x."id"), '') || CASE WHEN x."localDay" IS NULL THEN '' ELSE ' d' || replace(x."localDay", '-', '') || ' m' || substr(replace(x."localDay", '-', ''), 1, 6) || ' y' || substr(x."localDay", 1, 4) || ' x' || substr(x."localDay", 1, 3) || ' c' || substr(x."localDay", 1, 2) || ' z' || substr(x."localDay", 1, 1) END
        FROM "Session" x JOIN "Talk" t ON t."id" = x."talkId" JOIN "SearchRow" r ON r."ref" = x."id" AND r."kind" = 'session'
        WHERE x."talkId" = new."id" AND x."deletedAt" IS NULL AND t."deletedAt" IS NULL;
END;
