-- AlterTable
ALTER TABLE "Revision" ADD COLUMN "note" TEXT;
ALTER TABLE "Revision" ADD COLUMN "version" INTEGER;

-- CreateIndex
CREATE UNIQUE INDEX "Revision_entityType_entityId_version_key" ON "Revision"("entityType", "entityId", "version");
