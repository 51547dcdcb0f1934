import type { CypherRunner } from "../../db/cypher-runner.js";
import type { LabelKey } from "../../cypher/labels.js";
import { STRONG_FROM } from "../../cypher/leads-to.js";
import {
  FLOOR_ABOVE_HOPS,
  leastClearing,
  UNREACHED,
  type Expansion,
  type Hop,
  type HopClaim,
  type LevelRequest,
  type MetNode,
  type ReachedNode,
} from "./hop.js";
import { FIND_NODES, hopTupleFields, levelQuery, PATH_DETAILS } from "./hops.cypher.js";

/** A hop's claims as the parallel lists Cypher returns them in. */
interface ClaimLists {
  readonly ids: string[];
  readonly confidences: number[];
  readonly domains: string[];
  readonly conditional: boolean[];
  readonly published: number[];
}

/** One row of a level's query: a frontier node, its hops as tuples (hopTupleFields), and what the floor left out. */
type LevelRow = {
  readonly u: string;
  readonly hops: unknown[][];
  readonly weakest: number | null;
  readonly fetch: number;
};

/** A hop tuple by its field names (hopTupleFields). */
type HopTuple = {
  node: string;
  time: number | null;
  end: number | null;
  onward: number;
  best: number;
  sources?: number;
} & Partial<ClaimLists>;

/** Decodes one hop tuple of a level's row, read from `frontierNode` in the request's direction. */
function decodeHop(
  values: readonly unknown[],
  fields: readonly string[],
  frontierNode: string,
  request: LevelRequest,
): { hop: Hop; node: ReachedNode; onward: number } {
  const tuple = Object.fromEntries(fields.map((name, i) => [name, values[i]])) as HopTuple;
  const [from, to] = request.direction === "forward" ? [frontierNode, tuple.node] : [tuple.node, frontierNode];
  const hop: Hop =
    request.source.kind === "summary"
      ? { from, to, summary: { confidence: tuple.best, sources: tuple.sources!, includeConditional: request.source.includeConditional } }
      : { from, to, claims: claimsOf(tuple as HopTuple & ClaimLists) };
  return { hop, node: { id: tuple.node, time: tuple.time, end: tuple.end }, onward: tuple.onward };
}

function claimsOf(lists: ClaimLists): HopClaim[] {
  return lists.ids.map((id, i) => ({
    id,
    confidence: lists.confidences[i]!,
    domain: lists.domains[i] ?? "",
    conditional: lists.conditional[i] ?? false,
    publishedAt: lists.published[i] ?? 0,
  }));
}

/**
 * Reads one level from Neo4j in one round trip: the ReadLevel contract (hop.ts). A large level
 * under a floor of at least STRONG_FROM reads STRONG_LEADS_TO alone: every hop it may keep
 * has one, and what it leaves unread is below STRONG_FROM (docs/traversals.md#hops-and-summaries).
 */
export async function expandHops(cypher: CypherRunner, request: LevelRequest): Promise<Expansion> {
  if (request.ids.length === 0) return { hops: [], nodes: [], onward: new Map(), weakest: null, floored: false };
  const floor = request.floor ?? null;
  // Summaries carry no publication times: a level that needs them reads LEADS_TO.
  const strong =
    floor !== null &&
    floor.value >= STRONG_FROM &&
    (request.fetch ?? 0) > FLOOR_ABOVE_HOPS &&
    (request.source.kind === "current" || (request.source.kind === "summary" && !request.limits.publishedWithin));
  const rows = await cypher.read<LevelRow>(
    levelQuery({
      source: request.source,
      direction: request.direction,
      floor,
      strong,
      within: request.within !== undefined,
      windowed: request.limits.publishedWithin !== undefined,
    }),
    {
      frontier: request.ids.map((id, i) => ({ id, ...(request.reach?.[i] ?? UNREACHED) })),
      minConfidence: request.limits.minConfidence,
      notAfter: request.limits.notAfter ?? null,
      window: request.limits.publishedWithin ?? null,
      asOf: request.source.kind === "asOf" ? request.source.asOf : null,
      floor: floor ? leastClearing(floor) : null,
      floorAbove: FLOOR_ABOVE_HOPS,
      within: request.within ?? null,
    },
  );
  const fields = hopTupleFields(request.source);
  const hops: Hop[] = [];
  const nodes: ReachedNode[] = [];
  const onward = new Map<string, number>();
  let weakest: number | null = null;
  for (const row of rows) {
    if (row.weakest !== null) weakest = Math.max(weakest ?? 0, row.weakest);
    for (const values of row.hops) {
      const decoded = decodeHop(values, fields, row.u, request);
      hops.push(decoded.hop);
      nodes.push(decoded.node);
      onward.set(decoded.node.id, decoded.onward);
    }
  }
  // Hops left unread are below the floor (at least STRONG_FROM): the next floor may keep them.
  if (strong) weakest = Math.max(weakest ?? 0, floor.value);
  return { hops, nodes, onward, weakest, floored: strong || rows.some((row) => row.fetch > FLOOR_ABOVE_HOPS) };
}

/**
 * What an answer needs of the chains a search kept, in one round trip: the claims of the hops
 * it read from summaries (pairs of node ids, from their LEADS_TO; pairs without one now are
 * left out), by "from>to", and the label and key of the nodes it names, by id.
 */
export async function readPathDetails(
  cypher: CypherRunner,
  params: { pairs: readonly { from: string; to: string }[]; nodes: readonly string[] },
): Promise<{ claims: Map<string, HopClaim[]>; nodes: Map<string, MetNode> }> {
  if (params.pairs.length === 0 && params.nodes.length === 0) return { claims: new Map(), nodes: new Map() };
  const [row] = await cypher.read<{ hops: ({ from: string; to: string } & ClaimLists)[]; nodes: MetNode[] }>(PATH_DETAILS, {
    pairs: params.pairs.map(({ from, to }) => ({ from, to })),
    nodes: [...new Set(params.nodes)],
  });
  return {
    claims: new Map((row?.hops ?? []).map((hop) => [`${hop.from}>${hop.to}`, claimsOf(hop)])),
    nodes: new Map((row?.nodes ?? []).map((node) => [node.id, node])),
  };
}

/** The ids (and LEADS_TO degrees) of nodes by label and key, in one round trip; absent ones are left out. */
export async function findNodes(cypher: CypherRunner, refs: readonly LabelKey[]): Promise<Map<string, MetNode>> {
  const rows = await cypher.read<{ ref: string; node: MetNode; outDegree: number; inDegree: number }>(FIND_NODES, {
    refs: refs.map(({ label, key }) => ({ label, key })),
  });
  return new Map(rows.map((row) => [row.ref, { ...row.node, outDegree: row.outDegree, inDegree: row.inDegree }]));
}
