-- CreateEnum
CREATE TYPE "TalkStatus" AS ENUM ('scheduled', 'ongoing', 'concluded', 'suspended');

-- CreateEnum
CREATE TYPE "SessionKind" AS ENUM ('plenary', 'working_group', 'bilateral', 'press_briefing');

-- CreateEnum
CREATE TYPE "Outcome" AS ENUM ('agreement', 'progress', 'no_progress', 'deadlock', 'suspended', 'unknown');

-- CreateEnum
CREATE TYPE "StatementKind" AS ENUM ('direct_quote', 'paraphrase', 'position', 'demand', 'denial', 'assessment');

-- CreateEnum
CREATE TYPE "TimePrecision" AS ENUM ('unknown', 'day', 'part_of_day', 'minute');

-- CreateEnum
CREATE TYPE "PartOfDay" AS ENUM ('morning', 'afternoon', 'evening', 'night');

-- CreateEnum
CREATE TYPE "StatementSetting" AS ENUM ('session', 'press_briefing', 'arrival', 'departure', 'state_media', 'interview', 'other', 'unknown');

-- CreateEnum
CREATE TYPE "Capacity" AS ENUM ('head_of_delegation', 'delegation_member', 'spokesperson', 'government', 'unknown');

-- CreateEnum
CREATE TYPE "Gap" AS ENUM ('agreed', 'narrowing', 'unchanged', 'widening', 'deadlocked');

-- CreateEnum
CREATE TYPE "DelegationRole" AS ENUM ('head', 'member');

-- CreateEnum
CREATE TYPE "UserRole" AS ENUM ('analyst', 'editor', 'admin');

-- CreateEnum
CREATE TYPE "RevisionAction" AS ENUM ('create', 'update', 'delete', 'restore');

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "emailVerified" BOOLEAN NOT NULL DEFAULT false,
    "image" TEXT,
    "role" "UserRole" NOT NULL DEFAULT 'analyst',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Party" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "shortName" TEXT NOT NULL,
    "isoCode" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "Party_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Envoy" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameOriginal" TEXT,
    "title" TEXT,
    "partyId" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "Envoy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Issue" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "Issue_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Talk" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "venueCity" TEXT NOT NULL,
    "venueTimeZone" TEXT NOT NULL,
    "firstDay" TEXT NOT NULL,
    "lastDay" TEXT,
    "status" "TalkStatus" NOT NULL DEFAULT 'scheduled',
    "summary" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "Talk_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TalkParty" (
    "talkId" TEXT NOT NULL,
    "partyId" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "TalkParty_pkey" PRIMARY KEY ("talkId","partyId")
);

-- CreateTable
CREATE TABLE "TalkEnvoy" (
    "talkId" TEXT NOT NULL,
    "envoyId" TEXT NOT NULL,
    "role" "DelegationRole" NOT NULL DEFAULT 'member',

    CONSTRAINT "TalkEnvoy_pkey" PRIMARY KEY ("talkId","envoyId")
);

-- CreateTable
CREATE TABLE "TalkIssue" (
    "talkId" TEXT NOT NULL,
    "issueId" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "TalkIssue_pkey" PRIMARY KEY ("talkId","issueId")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "talkId" TEXT NOT NULL,
    "localDay" TEXT,
    "startsAt" TIMESTAMP(3),
    "endsAt" TIMESTAMP(3),
    "kind" "SessionKind",
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL DEFAULT '',
    "outcome" "Outcome" NOT NULL DEFAULT 'unknown',
    "outcomeNote" TEXT,
    "sequence" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SessionIssue" (
    "sessionId" TEXT NOT NULL,
    "issueId" TEXT NOT NULL,

    CONSTRAINT "SessionIssue_pkey" PRIMARY KEY ("sessionId","issueId")
);

-- CreateTable
CREATE TABLE "Statement" (
    "id" TEXT NOT NULL,
    "talkId" TEXT NOT NULL,
    "sessionId" TEXT,
    "partyId" TEXT NOT NULL,
    "envoyId" TEXT,
    "capacity" "Capacity" NOT NULL DEFAULT 'unknown',
    "saidOn" TEXT,
    "saidAt" TIMESTAMP(3),
    "saidPrecision" "TimePrecision" NOT NULL DEFAULT 'day',
    "partOfDay" "PartOfDay",
    "reportedOn" TEXT,
    "setting" "StatementSetting" NOT NULL DEFAULT 'unknown',
    "kind" "StatementKind" NOT NULL,
    "text" TEXT NOT NULL,
    "quotedWords" TEXT,
    "sequence" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "Statement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StatementIssue" (
    "statementId" TEXT NOT NULL,
    "issueId" TEXT NOT NULL,

    CONSTRAINT "StatementIssue_pkey" PRIMARY KEY ("statementId","issueId")
);

-- CreateTable
CREATE TABLE "Source" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "publisher" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "url" TEXT,
    "publishedOn" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "Source_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StatementSource" (
    "statementId" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,

    CONSTRAINT "StatementSource_pkey" PRIMARY KEY ("statementId","sourceId")
);

-- CreateTable
CREATE TABLE "SessionSource" (
    "sessionId" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,

    CONSTRAINT "SessionSource_pkey" PRIMARY KEY ("sessionId","sourceId")
);

-- CreateTable
CREATE TABLE "Assessment" (
    "id" TEXT NOT NULL,
    "talkId" TEXT NOT NULL,
    "issueId" TEXT NOT NULL,
    "localDay" TEXT NOT NULL,
    "gap" "Gap" NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "authorId" TEXT,
    "authorName" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "Assessment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Linkage" (
    "id" TEXT NOT NULL,
    "talkId" TEXT NOT NULL,
    "partyId" TEXT NOT NULL,
    "issueId" TEXT NOT NULL,
    "conditionIssueId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "statedOn" TEXT,
    "droppedOn" TEXT,
    "statementId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "Linkage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Revision" (
    "id" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "talkId" TEXT,
    "action" "RevisionAction" NOT NULL,
    "userId" TEXT,
    "actorName" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "before" JSONB,
    "after" JSONB,

    CONSTRAINT "Revision_pkey" PRIMARY KEY ("id")
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

-- AddForeignKey
ALTER TABLE "Envoy" ADD CONSTRAINT "Envoy_partyId_fkey" FOREIGN KEY ("partyId") REFERENCES "Party"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TalkParty" ADD CONSTRAINT "TalkParty_talkId_fkey" FOREIGN KEY ("talkId") REFERENCES "Talk"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TalkParty" ADD CONSTRAINT "TalkParty_partyId_fkey" FOREIGN KEY ("partyId") REFERENCES "Party"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TalkEnvoy" ADD CONSTRAINT "TalkEnvoy_talkId_fkey" FOREIGN KEY ("talkId") REFERENCES "Talk"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TalkEnvoy" ADD CONSTRAINT "TalkEnvoy_envoyId_fkey" FOREIGN KEY ("envoyId") REFERENCES "Envoy"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TalkIssue" ADD CONSTRAINT "TalkIssue_talkId_fkey" FOREIGN KEY ("talkId") REFERENCES "Talk"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TalkIssue" ADD CONSTRAINT "TalkIssue_issueId_fkey" FOREIGN KEY ("issueId") REFERENCES "Issue"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_talkId_fkey" FOREIGN KEY ("talkId") REFERENCES "Talk"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SessionIssue" ADD CONSTRAINT "SessionIssue_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "Session"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SessionIssue" ADD CONSTRAINT "SessionIssue_issueId_fkey" FOREIGN KEY ("issueId") REFERENCES "Issue"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Statement" ADD CONSTRAINT "Statement_talkId_fkey" FOREIGN KEY ("talkId") REFERENCES "Talk"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Statement" ADD CONSTRAINT "Statement_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "Session"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Statement" ADD CONSTRAINT "Statement_partyId_fkey" FOREIGN KEY ("partyId") REFERENCES "Party"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Statement" ADD CONSTRAINT "Statement_envoyId_fkey" FOREIGN KEY ("envoyId") REFERENCES "Envoy"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatementIssue" ADD CONSTRAINT "StatementIssue_statementId_fkey" FOREIGN KEY ("statementId") REFERENCES "Statement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatementIssue" ADD CONSTRAINT "StatementIssue_issueId_fkey" FOREIGN KEY ("issueId") REFERENCES "Issue"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatementSource" ADD CONSTRAINT "StatementSource_statementId_fkey" FOREIGN KEY ("statementId") REFERENCES "Statement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatementSource" ADD CONSTRAINT "StatementSource_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SessionSource" ADD CONSTRAINT "SessionSource_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "Session"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SessionSource" ADD CONSTRAINT "SessionSource_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_talkId_fkey" FOREIGN KEY ("talkId") REFERENCES "Talk"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_issueId_fkey" FOREIGN KEY ("issueId") REFERENCES "Issue"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Linkage" ADD CONSTRAINT "Linkage_talkId_fkey" FOREIGN KEY ("talkId") REFERENCES "Talk"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Linkage" ADD CONSTRAINT "Linkage_partyId_fkey" FOREIGN KEY ("partyId") REFERENCES "Party"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Linkage" ADD CONSTRAINT "Linkage_issueId_fkey" FOREIGN KEY ("issueId") REFERENCES "Issue"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Linkage" ADD CONSTRAINT "Linkage_conditionIssueId_fkey" FOREIGN KEY ("conditionIssueId") REFERENCES "Issue"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Linkage" ADD CONSTRAINT "Linkage_statementId_fkey" FOREIGN KEY ("statementId") REFERENCES "Statement"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Revision" ADD CONSTRAINT "Revision_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
