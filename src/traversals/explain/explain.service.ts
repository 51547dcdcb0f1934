import type { CypherRunner } from "../../db/cypher-runner.js";
import type { NodeRow, NodeSelection } from "../../cypher/projection.js";
import { toCausalPath } from "../causal/causal-paths.js";
import { reachBackward } from "../causal/corridor.js";
import { RisingFloor, searchUnderFallingFloors } from "../causal/floors.js";
import { directDriversFloor } from "../causal/floor-seeds.repository.js";
import type { Hop, LevelRequest, ReachedNode } from "../causal/hop.js";
import { expandHops, readPathDetails } from "../causal/hops.repository.js";
import { summaryHops, withClaims, type ClaimFilter } from "../causal/path-search.js";
import { knownDriversFloor, pathScore, searchDrivers, type Target } from "./driver-search.js";
import { findDenialsAndRisks, findTargets, type ExplainWindow } from "./explain.repository.js";
import { Driver } from "./explanation.type.js";
import { LevelsRead } from "./levels-read.js";

/** Drivers listed at the most, with their best chains each, and chains one explanation may examine. */
const LIMITS = { maxDrivers: 50, pathsPerDriver: 5, maxExpansions: 200_000 } as const;

/** Chains examined at the most when the chains read so far are searched to raise the floor (see knownDriversFloor). */
const RAISE_EXPANSIONS = 20_000;

const ANY_CLAIM: ClaimFilter = { minConfidence: 0, includeConditional: false };

export interface Explanation {
  readonly asset: NodeRow | null;
  readonly moves: readonly NodeRow[];
  readonly drivers: Driver[];
  readonly denied: readonly NodeRow[];
  readonly conditional: readonly NodeRow[];
}

/** The window of one move: its span, and articles from as long before its start as `asked` looks back. */
function moveWindow(move: ReachedNode, asked: ExplainWindow): ExplainWindow {
  const from = move.time!;
  const to = move.end ?? from;
  return { from, to, articlesFrom: from - (asked.from - asked.articlesFrom), articlesTo: to };
}

/**
 * Explains an asset's moves in a window: the moves overlapping it and the asset are the
 * targets; what leads to them is fetched level by level from the derived LEADS_TO (hops into
 * the moves with claims of any date, hops into the asset only with claims of articles from the
 * article window), under falling score floors where a level is large (see floors.ts), each
 * raised while the levels are read once the chains read so far show enough drivers above it;
 * a best-first search ranks the drivers; then the denials and risks.
 */
export async function explainMoves(
  cypher: CypherRunner,
  params: {
    symbol: string;
    window: ExplainWindow;
    /** Explain only the move with this key, over its own span (articles from the lookback before its start to its end). */
    move?: string | null;
    depth: number;
    asOf: string;
    /** What to read of the denied and the conditional claims (whole if absent, see projection.ts). */
    select?: { readonly denied?: NodeSelection; readonly conditional?: NodeSelection };
  },
): Promise<Explanation> {
  const { depth } = params;
  const readLevel = (request: LevelRequest) => expandHops(cypher, request);
  const found = await findTargets(cypher, params.symbol, params.window, params.move ?? null);
  const none = { asset: found.asset, moves: [], drivers: [], denied: [], conditional: [] };
  if (!found.asset || !found.assetNode || (params.move && found.moves.length === 0)) return none;
  const window = params.move ? moveWindow(found.moves[0]!.node, params.window) : params.window;
  const latestEnd = Math.max(window.to, ...found.moves.map((m) => m.endsAt));
  const inWindow = (published: number) => published >= window.articlesFrom && published <= window.articlesTo;
  const assetFilter: ClaimFilter = { ...ANY_CLAIM, accept: (claim) => inWindow(claim.publishedAt) };
  const explained = new Set([...found.moves.map((m) => m.node.id), found.assetNode.id]);
  const targetNodes = new Map<string, ReachedNode>([
    ...found.moves.map((m) => [m.node.id, m.node] as const),
    [found.assetNode.id, found.assetNode],
  ]);
  // The search stops at the driver after the last listed: the direct drivers tell how strong that one is at least.
  // (The moves only: hops into the asset count only with claims of the article window.)
  const seed = await directDriversFloor(cypher, {
    targets: found.moves.map((m) => m.node.id),
    explained: [...explained],
    drivers: LIMITS.maxDrivers + 1,
    notAfter: latestEnd,
  });
  const { searched } = await searchUnderFallingFloors(
    "score",
    0,
    async (start) => {
      // Chains to the moves take the hops read for them (summaries, claims of any date); chains to
      // the asset the hops read for it (the claims of its article window only).
      const targetsOf = (side: "moves" | "asset", into: ReadonlyMap<string, readonly Hop[]>): Target[] =>
        side === "moves"
          ? found.moves.map((m) => ({ id: m.node.id, filter: ANY_CLAIM, endsAt: m.endsAt, into }))
          : [{ id: found.assetNode!.id, filter: assetFilter, endsAt: window.to, into }];
      // The floor rises as either side's levels show enough drivers above it (the driver after
      // the last listed scores at least that). The moves' side reads summaries and is quick; the
      // asset's reads claims, and reads each level once the moves' side has read the same one, so
      // that it leaves out what the floor raised by that level does.
      const floor = new RisingFloor(start);
      const movesRead = new LevelsRead();
      const raiseBy = (
        side: "moves" | "asset",
        read: { into: ReadonlyMap<string, readonly Hop[]>; nodes: ReadonlyMap<string, ReachedNode> },
      ) => {
        // Without a floor (the last search) there is nothing to raise.
        if (floor.value === null) return;
        const known = new Map([...targetNodes, ...read.nodes]);
        const limits = { maxDepth: depth, maxDrivers: LIMITS.maxDrivers + 1, pathsPerDriver: 1, maxExpansions: RAISE_EXPANSIONS };
        floor.raise(knownDriversFloor(targetsOf(side, read.into), known, explained, limits));
      };
      const [toMoves, toAsset] = await Promise.all([
        reachBackward(readLevel, {
          targets: found.moves.map((m) => m.node.id),
          maxDepth: depth,
          source: { kind: "summary", includeConditional: ANY_CLAIM.includeConditional },
          limits: { minConfidence: 0, notAfter: latestEnd },
          floor,
          filter: ANY_CLAIM,
          afterLevel: (read, level) => {
            raiseBy("moves", read);
            movesRead.finished(level);
          },
          onEnd: () => movesRead.end(),
        }),
        reachBackward(readLevel, {
          targets: [found.assetNode!.id],
          maxDepth: depth,
          source: { kind: "current" },
          limits: { minConfidence: 0, notAfter: window.to, publishedWithin: { from: window.articlesFrom, to: window.articlesTo } },
          floor,
          filter: assetFilter,
          afterLevel: (read, level) => {
            raiseBy("asset", read);
            // The moves' side raises the floor after each of its levels but the last: a last level
            // waits for the one before it.
            return movesRead.reached(Math.min(level + 1, depth - 2));
          },
        }),
      ]);
      const met = new Map([...toMoves.nodes, ...toAsset.nodes, ...targetNodes]);
      const targets: Target[] = [...targetsOf("moves", toMoves.into), ...targetsOf("asset", toAsset.into)];
      const { drivers, stoppedAt, ranOut } = searchDrivers(targets, met, explained, { maxDepth: depth, ...LIMITS });
      const weakest = toMoves.weakest === null ? toAsset.weakest : Math.max(toMoves.weakest, toAsset.weakest ?? 0);
      // Exact when the search stopped at a chain stronger than the floor (every chain that strong
      // lies above it; the floor as it last rose: a chain left out may round to the floor itself),
      // or ran out of expansions (a lower floor only adds to examine).
      const applied = floor.value;
      const exact = ranOut || (applied !== null && stoppedAt !== null && stoppedAt > applied.value);
      return { result: { searched: drivers }, exact, weakest };
    },
    seed,
  );
  // Chains to the moves used summaries: their claims are read for the chains kept, with the
  // nodes they name; the denials and risks at the same time (neither needs the other).
  const kept = searched.flatMap((d) => d.paths);
  const onChains = new Set([...explained, ...kept.flatMap((p) => p.nodes)]);
  const [{ claims, nodes }, { denied, conditional }] = await Promise.all([
    readPathDetails(cypher, { pairs: summaryHops(kept), nodes: kept.flatMap((p) => p.nodes) }),
    findDenialsAndRisks(cypher, {
      explained: [...onChains],
      moves: found.moves.map((m) => m.node.id),
      asset: found.assetNode.id,
      window,
      asOf: params.asOf,
      select: params.select ?? {},
    }),
  ]);
  const drivers = searched
    .map(({ node, paths: summarised }) => {
      const paths = withClaims(summarised, claims, ANY_CLAIM);
      const best = paths[0]!;
      const ref = nodes.get(node)!;
      return Object.assign(new Driver(), {
        nodeRef: { label: ref.label, key: ref.key },
        paths: paths.map((p) => toCausalPath(p, nodes)),
        score: pathScore(best),
        independentSourceCount: best.independentSourceCount,
      });
    })
    .sort(
      (a, b) =>
        b.score - a.score ||
        b.paths.length - a.paths.length ||
        compareText(a.nodeRef.key, b.nodeRef.key) ||
        compareText(a.nodeRef.label, b.nodeRef.label),
    );
  return { asset: found.asset, moves: found.moves.map((m) => m.row), drivers, denied, conditional };
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
