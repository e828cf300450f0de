-- CreateEnum
CREATE TYPE "ProposalState" AS ENUM ('OPEN', 'ACCEPTED', 'DISMISSED');

-- CreateTable
CREATE TABLE "ArticleWatch" (
    "articleId" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "textSha256" TEXT,
    "lastCheckedAt" TIMESTAMP(3),
    "nextCheckAt" TIMESTAMP(3),
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ArticleWatch_pkey" PRIMARY KEY ("articleId")
);

-- CreateTable
CREATE TABLE "RevisionProposal" (
    "id" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "fetchedAt" TIMESTAMP(3) NOT NULL,
    "text" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "state" "ProposalState" NOT NULL DEFAULT 'OPEN',
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "revisionId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RevisionProposal_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ArticleWatch_nextCheckAt_idx" ON "ArticleWatch"("nextCheckAt");

-- CreateIndex
CREATE INDEX "RevisionProposal_articleId_state_idx" ON "RevisionProposal"("articleId", "state");

-- AddForeignKey
ALTER TABLE "ArticleWatch" ADD CONSTRAINT "ArticleWatch_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RevisionProposal" ADD CONSTRAINT "RevisionProposal_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;
