-- Triggers on or naming "Talk", which this migration rebuilds: dropped first (a rebuild drops a table's own triggers, and another table's trigger naming it fails the rename), made again as they were at the end (scripts/db/sqlite-triggers.ts)
DROP TRIGGER "Statement_search_insert";
DROP TRIGGER "Statement_search_update";
DROP TRIGGER "StatementIssue_search_insert";
DROP TRIGGER "StatementIssue_search_delete";
DROP TRIGGER "Session_search_insert";
DROP TRIGGER "Session_search_update";
DROP TRIGGER "SessionIssue_search_insert";
DROP TRIGGER "SessionIssue_search_delete";
DROP TRIGGER "Talk_search_insert";
DROP TRIGGER "Talk_search_update";
DROP TRIGGER "Talk_search_delete";
DROP TRIGGER "Talk_search_rows";

-- CreateTable
CREATE TABLE "Series" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "deletedAt" DATETIME
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Talk" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "venueCity" TEXT NOT NULL,
    "venueTimeZone" TEXT NOT NULL,
    "firstDay" TEXT NOT NULL,
    "lastDay" TEXT,
    "status" TEXT NOT NULL DEFAULT 'scheduled',
    "summary" TEXT NOT NULL DEFAULT '',
    "seriesId" TEXT,
    "round" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "deletedAt" DATETIME,
    CONSTRAINT "Talk_seriesId_fkey" FOREIGN KEY ("seriesId") REFERENCES "Series" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Talk" ("createdAt", "deletedAt", "firstDay", "id", "lastDay", "slug", "status", "summary", "title", "updatedAt", "venueCity", "venueTimeZone", "version") SELECT "createdAt", "deletedAt", "firstDay", "id", "lastDay", "slug", "status", "summary", "title", "updatedAt", "venueCity", "venueTimeZone", "version" FROM "Talk";
DROP TABLE "Talk";
ALTER TABLE "new_Talk" RENAME TO "Talk";
CREATE UNIQUE INDEX "Talk_slug_key" ON "Talk"("slug");
CREATE INDEX "Talk_firstDay_idx" ON "Talk"("firstDay");
CREATE INDEX "Talk_seriesId_firstDay_idx" ON "Talk"("seriesId", "firstDay");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "Series_slug_key" ON "Series"("slug");

-- The triggers dropped above, as they were
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
