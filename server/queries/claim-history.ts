/**
 * A claim's history from the append-only audit log, oldest first (lib/review/history turns
 * each row into an entry).
 */
import { toHistoryEntry, type AuditRow, type HistoryEntry } from '@/lib/review/history';
import type { PrismaClient } from '../platform/db';
import { notFound } from '../platform/errors';

/** The claim's history, oldest first. Throws 404 for an unknown claim. */
export async function getClaimHistory(
  prisma: PrismaClient,
  claimId: string,
): Promise<HistoryEntry[]> {
  const claim = await prisma.claim.findUnique({
    where: { id: claimId },
    select: { annotations: { select: { id: true } } },
  });
  if (!claim) throw notFound('Claim');
  const spanIds = claim.annotations.map((a) => a.id);
  // Four lookups, so each can use the (entityType, entityId, createdAt) index: the claim's
  // events, its current spans' events, span events naming the claim in their JSON (spans
  // since removed; this one reads every span event, as no index covers the JSON), and the
  // events of its "source changed since cited" alerts (dismissals).
  const rows = await prisma.$queryRaw<AuditRow[]>`
    SELECT e.id, e.action, e."actorId", u.name AS "actorName", e.before, e.after, e."createdAt"
    FROM "AuditEvent" e LEFT JOIN "User" u ON u.id = e."actorId"
    WHERE e.id IN (
      SELECT id FROM "AuditEvent" WHERE "entityType" = 'Claim' AND "entityId" = ${claimId}
      UNION
      SELECT id FROM "AuditEvent" WHERE "entityType" = 'Annotation' AND "entityId" = ANY(${spanIds})
      UNION
      SELECT id FROM "AuditEvent" WHERE "entityType" = 'Annotation'
        AND (after ->> 'claimId' = ${claimId} OR before ->> 'claimId' = ${claimId})
      UNION
      SELECT id FROM "AuditEvent" WHERE "entityType" = 'EvidenceAlert'
        AND "entityId" IN (SELECT id FROM "EvidenceAlert" WHERE "claimId" = ${claimId}))
    ORDER BY e."createdAt", e.id`;
  return rows.map(toHistoryEntry);
}
