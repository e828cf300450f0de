-- CreateIndex
CREATE INDEX "Article_sourceName_idx" ON "Article"("sourceName");
