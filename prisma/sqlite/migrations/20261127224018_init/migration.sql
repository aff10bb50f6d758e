-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "emailVerified" BOOLEAN NOT NULL DEFAULT false,
    "image" TEXT,
    "role" TEXT NOT NULL DEFAULT 'analyst',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Party" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "shortName" TEXT NOT NULL,
    "isoCode" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "deletedAt" DATETIME
);

-- CreateTable
CREATE TABLE "Envoy" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameOriginal" TEXT,
    "title" TEXT,
    "partyId" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "deletedAt" DATETIME,
    CONSTRAINT "Envoy_partyId_fkey" FOREIGN KEY ("partyId") REFERENCES "Party" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Issue" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "deletedAt" DATETIME
);

-- CreateTable
CREATE TABLE "Talk" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "venueCity" TEXT NOT NULL,
    "venueTimeZone" TEXT NOT NULL,
    "firstDay" TEXT NOT NULL,
    "lastDay" TEXT,
    "status" TEXT NOT NULL DEFAULT 'scheduled',
    "summary" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "deletedAt" DATETIME
);

-- CreateTable
CREATE TABLE "TalkParty" (
    "talkId" TEXT NOT NULL,
    "partyId" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("talkId", "partyId"),
    CONSTRAINT "TalkParty_talkId_fkey" FOREIGN KEY ("talkId") REFERENCES "Talk" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "TalkParty_partyId_fkey" FOREIGN KEY ("partyId") REFERENCES "Party" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TalkEnvoy" (
    "talkId" TEXT NOT NULL,
    "envoyId" TEXT NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'member',

    PRIMARY KEY ("talkId", "envoyId"),
    CONSTRAINT "TalkEnvoy_talkId_fkey" FOREIGN KEY ("talkId") REFERENCES "Talk" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "TalkEnvoy_envoyId_fkey" FOREIGN KEY ("envoyId") REFERENCES "Envoy" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TalkIssue" (
    "talkId" TEXT NOT NULL,
    "issueId" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("talkId", "issueId"),
    CONSTRAINT "TalkIssue_talkId_fkey" FOREIGN KEY ("talkId") REFERENCES "Talk" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "TalkIssue_issueId_fkey" FOREIGN KEY ("issueId") REFERENCES "Issue" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "talkId" TEXT NOT NULL,
    "localDay" TEXT,
    "startsAt" DATETIME,
    "endsAt" DATETIME,
    "kind" TEXT,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL DEFAULT '',
    "outcome" TEXT NOT NULL DEFAULT 'unknown',
    "outcomeNote" TEXT,
    "sequence" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "deletedAt" DATETIME,
    CONSTRAINT "Session_talkId_fkey" FOREIGN KEY ("talkId") REFERENCES "Talk" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SessionIssue" (
    "sessionId" TEXT NOT NULL,
    "issueId" TEXT NOT NULL,

    PRIMARY KEY ("sessionId", "issueId"),
    CONSTRAINT "SessionIssue_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "Session" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SessionIssue_issueId_fkey" FOREIGN KEY ("issueId") REFERENCES "Issue" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Statement" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "talkId" TEXT NOT NULL,
    "sessionId" TEXT,
    "partyId" TEXT NOT NULL,
    "envoyId" TEXT,
    "capacity" TEXT NOT NULL DEFAULT 'unknown',
    "saidOn" TEXT,
    "saidAt" DATETIME,
    "saidPrecision" TEXT NOT NULL DEFAULT 'day',
    "partOfDay" TEXT,
    "reportedOn" TEXT,
    "setting" TEXT NOT NULL DEFAULT 'unknown',
    "kind" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "quotedWords" TEXT,
    "sequence" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "deletedAt" DATETIME,
    CONSTRAINT "Statement_talkId_fkey" FOREIGN KEY ("talkId") REFERENCES "Talk" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Statement_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "Session" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Statement_partyId_fkey" FOREIGN KEY ("partyId") REFERENCES "Party" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Statement_envoyId_fkey" FOREIGN KEY ("envoyId") REFERENCES "Envoy" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "StatementIssue" (
    "statementId" TEXT NOT NULL,
    "issueId" TEXT NOT NULL,

    PRIMARY KEY ("statementId", "issueId"),
    CONSTRAINT "StatementIssue_statementId_fkey" FOREIGN KEY ("statementId") REFERENCES "Statement" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "StatementIssue_issueId_fkey" FOREIGN KEY ("issueId") REFERENCES "Issue" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Source" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "key" TEXT NOT NULL,
    "publisher" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "url" TEXT,
    "publishedOn" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "deletedAt" DATETIME
);

-- CreateTable
CREATE TABLE "StatementSource" (
    "statementId" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,

    PRIMARY KEY ("statementId", "sourceId"),
    CONSTRAINT "StatementSource_statementId_fkey" FOREIGN KEY ("statementId") REFERENCES "Statement" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "StatementSource_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SessionSource" (
    "sessionId" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,

    PRIMARY KEY ("sessionId", "sourceId"),
    CONSTRAINT "SessionSource_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "Session" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SessionSource_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Assessment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "talkId" TEXT NOT NULL,
    "issueId" TEXT NOT NULL,
    "localDay" TEXT NOT NULL,
    "gap" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "authorId" TEXT,
    "authorName" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "deletedAt" DATETIME,
    CONSTRAINT "Assessment_talkId_fkey" FOREIGN KEY ("talkId") REFERENCES "Talk" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Assessment_issueId_fkey" FOREIGN KEY ("issueId") REFERENCES "Issue" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Linkage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "talkId" TEXT NOT NULL,
    "partyId" TEXT NOT NULL,
    "issueId" TEXT NOT NULL,
    "conditionIssueId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "statedOn" TEXT,
    "droppedOn" TEXT,
    "statementId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "deletedAt" DATETIME,
    CONSTRAINT "Linkage_talkId_fkey" FOREIGN KEY ("talkId") REFERENCES "Talk" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Linkage_partyId_fkey" FOREIGN KEY ("partyId") REFERENCES "Party" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Linkage_issueId_fkey" FOREIGN KEY ("issueId") REFERENCES "Issue" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Linkage_conditionIssueId_fkey" FOREIGN KEY ("conditionIssueId") REFERENCES "Issue" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Linkage_statementId_fkey" FOREIGN KEY ("statementId") REFERENCES "Statement" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Revision" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "talkId" TEXT,
    "action" TEXT NOT NULL,
    "userId" TEXT,
    "actorName" TEXT NOT NULL,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "before" JSONB,
    "after" JSONB,
    CONSTRAINT "Revision_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE UNIQUE INDEX "Party_slug_key" ON "Party"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Party_isoCode_key" ON "Party"("isoCode");

-- CreateIndex
CREATE UNIQUE INDEX "Envoy_slug_key" ON "Envoy"("slug");

-- CreateIndex
CREATE INDEX "Envoy_partyId_idx" ON "Envoy"("partyId");

-- CreateIndex
CREATE UNIQUE INDEX "Issue_slug_key" ON "Issue"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Talk_slug_key" ON "Talk"("slug");

-- CreateIndex
CREATE INDEX "Talk_firstDay_idx" ON "Talk"("firstDay");

-- CreateIndex
CREATE INDEX "TalkParty_partyId_idx" ON "TalkParty"("partyId");

-- CreateIndex
CREATE INDEX "TalkEnvoy_envoyId_idx" ON "TalkEnvoy"("envoyId");

-- CreateIndex
CREATE INDEX "TalkIssue_issueId_idx" ON "TalkIssue"("issueId");

-- CreateIndex
CREATE INDEX "Session_talkId_localDay_sequence_idx" ON "Session"("talkId", "localDay", "sequence");

-- CreateIndex
CREATE INDEX "SessionIssue_issueId_idx" ON "SessionIssue"("issueId");

-- CreateIndex
CREATE INDEX "Statement_talkId_saidOn_sequence_idx" ON "Statement"("talkId", "saidOn", "sequence");

-- CreateIndex
CREATE INDEX "Statement_sessionId_idx" ON "Statement"("sessionId");

-- CreateIndex
CREATE INDEX "Statement_envoyId_saidOn_idx" ON "Statement"("envoyId", "saidOn");

-- CreateIndex
CREATE INDEX "Statement_partyId_saidOn_idx" ON "Statement"("partyId", "saidOn");

-- CreateIndex
CREATE INDEX "Statement_talkId_createdAt_idx" ON "Statement"("talkId", "createdAt");

-- CreateIndex
CREATE INDEX "StatementIssue_issueId_idx" ON "StatementIssue"("issueId");

-- CreateIndex
CREATE UNIQUE INDEX "Source_key_key" ON "Source"("key");

-- CreateIndex
CREATE INDEX "StatementSource_sourceId_idx" ON "StatementSource"("sourceId");

-- CreateIndex
CREATE INDEX "SessionSource_sourceId_idx" ON "SessionSource"("sourceId");

-- CreateIndex
CREATE INDEX "Assessment_issueId_localDay_idx" ON "Assessment"("issueId", "localDay");

-- CreateIndex
CREATE UNIQUE INDEX "Assessment_talkId_issueId_localDay_key" ON "Assessment"("talkId", "issueId", "localDay");

-- CreateIndex
CREATE INDEX "Linkage_talkId_idx" ON "Linkage"("talkId");

-- CreateIndex
CREATE INDEX "Revision_entityType_entityId_at_idx" ON "Revision"("entityType", "entityId", "at");

-- CreateIndex
CREATE INDEX "Revision_talkId_at_idx" ON "Revision"("talkId", "at");
