-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_TalkParty" (
    "talkId" TEXT NOT NULL,
    "partyId" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "role" TEXT NOT NULL DEFAULT 'principal',

    PRIMARY KEY ("talkId", "partyId"),
    CONSTRAINT "TalkParty_talkId_fkey" FOREIGN KEY ("talkId") REFERENCES "Talk" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "TalkParty_partyId_fkey" FOREIGN KEY ("partyId") REFERENCES "Party" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_TalkParty" ("partyId", "position", "talkId") SELECT "partyId", "position", "talkId" FROM "TalkParty";
DROP TABLE "TalkParty";
ALTER TABLE "new_TalkParty" RENAME TO "TalkParty";
CREATE INDEX "TalkParty_partyId_idx" ON "TalkParty"("partyId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
