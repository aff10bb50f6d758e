-- CreateIndex
CREATE INDEX "Session_talkId_sequence_idx" ON "Session"("talkId", "sequence");

-- CreateIndex
CREATE INDEX "Statement_talkId_sequence_idx" ON "Statement"("talkId", "sequence");
