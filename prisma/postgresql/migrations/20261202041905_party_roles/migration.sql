-- CreateEnum
CREATE TYPE "PartyRole" AS ENUM ('principal', 'host', 'mediator', 'observer');

-- AlterTable
ALTER TABLE "TalkParty" ADD COLUMN     "role" "PartyRole" NOT NULL DEFAULT 'principal';
