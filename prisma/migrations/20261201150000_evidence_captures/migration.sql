-- CreateEnum
CREATE TYPE "CaptureKind" AS ENUM ('FETCH', 'UPLOAD');

-- CreateEnum
CREATE TYPE "SourceState" AS ENUM ('PENDING', 'ARCHIVED', 'FAILED');

-- CreateEnum
CREATE TYPE "QuoteAnchor" AS ENUM ('EXACT', 'FUZZY', 'NOT_FOUND');

-- CreateEnum
CREATE TYPE "SourceChange" AS ENUM ('MOVED', 'CHANGED', 'VANISHED');

-- AlterTable
ALTER TABLE "Evidence" ADD COLUMN     "captureId" TEXT,
ADD COLUMN     "quoteAnchor" "QuoteAnchor",
ADD COLUMN     "quoteEnd" INTEGER,
ADD COLUMN     "quotePrefix" TEXT,
ADD COLUMN     "quoteStart" INTEGER,
ADD COLUMN     "quoteSuffix" TEXT;

-- CreateTable
CREATE TABLE "EvidenceSource" (
    "id" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "state" "SourceState" NOT NULL DEFAULT 'PENDING',
    "lastError" TEXT,
    "lastCheckedAt" TIMESTAMP(3),
    "nextCheckAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EvidenceSource_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EvidenceCapture" (
    "id" TEXT NOT NULL,
    "sourceId" TEXT,
    "kind" "CaptureKind" NOT NULL,
    "url" TEXT NOT NULL,
    "status" INTEGER,
    "mediaType" TEXT,
    "title" TEXT,
    "fetchedAt" TIMESTAMP(3) NOT NULL,
    "payloadSha256" TEXT NOT NULL,
    "payloadSize" INTEGER NOT NULL,
    "warcSha256" TEXT NOT NULL,
    "warcRecordId" TEXT NOT NULL,
    "textSha256" TEXT NOT NULL,
    "textLength" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EvidenceCapture_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EvidenceAlert" (
    "id" TEXT NOT NULL,
    "claimId" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "quote" TEXT NOT NULL,
    "change" "SourceChange" NOT NULL,
    "fromCaptureId" TEXT NOT NULL,
    "toCaptureId" TEXT NOT NULL,
    "diff" JSONB NOT NULL,
    "newQuote" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" TIMESTAMP(3),

    CONSTRAINT "EvidenceAlert_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "EvidenceSource_url_key" ON "EvidenceSource"("url");

-- CreateIndex
CREATE INDEX "EvidenceSource_nextCheckAt_idx" ON "EvidenceSource"("nextCheckAt");

-- CreateIndex
CREATE INDEX "EvidenceCapture_sourceId_fetchedAt_idx" ON "EvidenceCapture"("sourceId", "fetchedAt");

-- CreateIndex
CREATE INDEX "EvidenceAlert_resolvedAt_createdAt_idx" ON "EvidenceAlert"("resolvedAt", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "EvidenceAlert_claimId_url_quote_toCaptureId_key" ON "EvidenceAlert"("claimId", "url", "quote", "toCaptureId");

-- CreateIndex
CREATE INDEX "Evidence_captureId_idx" ON "Evidence"("captureId");

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_captureId_fkey" FOREIGN KEY ("captureId") REFERENCES "EvidenceCapture"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvidenceCapture" ADD CONSTRAINT "EvidenceCapture_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "EvidenceSource"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvidenceAlert" ADD CONSTRAINT "EvidenceAlert_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;
