-- AlterTable
ALTER TABLE "EvidenceCapture" ADD COLUMN     "cleanTextLength" INTEGER,
ADD COLUMN     "cleanTextSha256" TEXT;

-- Captures stored before this migration hold the cleaned text as their only text.
UPDATE "EvidenceCapture" SET "cleanTextSha256" = "textSha256", "cleanTextLength" = "textLength";
