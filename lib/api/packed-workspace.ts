/**
 * The article page's first data (WorkspaceDataDTO) in a compact form for the page's payload.
 * With thousands of claims, the same keys, the same author and the same revision id repeated
 * on every claim and span were about half of the page's 1.2 MB of data, which the browser
 * parses before the page can be used. Packed, each claim and each placed span is a row of
 * values; the authors are listed once; a span names its claim by its row. `unpackWorkspace`
 * gives back exactly the data `packWorkspace` was given.
 */
import type { AnchorState, ReviewState, Verdict } from '@/lib/domain';
import type { PersonDTO, WorkspaceDataDTO } from './types';

/** id, text, claimant, verdict, review state, version, author (index in `people`). */
type ClaimRow = [string, string, string | null, Verdict, ReviewState, number, number];
/**
 * id, claim (index in `claims`, or its id when the claim is not in the list), start, end,
 * anchor state, anchor score, revision id (null: the shown revision's).
 */
type SpanRow = [string, number | string, number, number, AnchorState, number | null, string | null];

export interface PackedWorkspaceDTO extends Omit<WorkspaceDataDTO, 'claims' | 'annotations'> {
  people: PersonDTO[];
  claims: ClaimRow[];
  spans: SpanRow[];
}

export function packWorkspace(data: WorkspaceDataDTO): PackedWorkspaceDTO {
  const { claims, annotations, ...rest } = data;
  const people: PersonDTO[] = [];
  const personIndex = new Map<string, number>();
  const claimIndex = new Map(claims.map((c, i) => [c.id, i]));
  return {
    ...rest,
    people,
    claims: claims.map((c) => {
      let author = personIndex.get(c.authorId);
      if (author === undefined) {
        author = people.push({ id: c.authorId, name: c.author.name }) - 1;
        personIndex.set(c.authorId, author);
      }
      return [c.id, c.text, c.claimant, c.verdict, c.reviewState, c.version, author];
    }),
    spans: annotations.map((a) => [
      a.id,
      claimIndex.get(a.claimId) ?? a.claimId,
      a.start,
      a.end,
      a.anchorState,
      a.anchorScore,
      a.revisionId === data.revision.id ? null : a.revisionId,
    ]),
  };
}

export function unpackWorkspace(packed: PackedWorkspaceDTO): WorkspaceDataDTO {
  const { people, claims, spans, ...rest } = packed;
  const unpackedClaims = claims.map(
    ([id, text, claimant, verdict, reviewState, version, author]) => ({
      id,
      text,
      claimant,
      verdict,
      reviewState,
      version,
      authorId: people[author]!.id,
      author: people[author]!,
    }),
  );
  return {
    ...rest,
    claims: unpackedClaims,
    annotations: spans.map(([id, claim, start, end, anchorState, anchorScore, revisionId]) => ({
      id,
      claimId: typeof claim === 'number' ? unpackedClaims[claim]!.id : claim,
      revisionId: revisionId ?? packed.revision.id,
      start,
      end,
      anchorState,
      anchorScore,
    })),
  };
}
