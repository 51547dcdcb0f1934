import type { CypherRunner } from "../../db/cypher-runner.js";
import type { NodeRow, NodeSelection } from "../../cypher/projection.js";
import type { MetNode } from "../causal/hop.js";
import { denialsAndRisks, FIND_TARGETS } from "./explain.cypher.js";

/** The window to explain and the publication window of articles whose claims may explain the asset itself, in epoch ms. */
export interface ExplainWindow {
  readonly from: number;
  readonly to: number;
  readonly articlesFrom: number;
  readonly articlesTo: number;
}

/** What an explanation explains: the asset and its price moves overlapping the window. */
export type ExplainTargets = {
  readonly asset: NodeRow | null;
  readonly assetNode: MetNode | null;
  readonly moves: readonly { readonly row: NodeRow; readonly node: MetNode; readonly endsAt: number }[];
};

/** The asset and its price moves overlapping the window, oldest first, in one query. */
export async function findTargets(
  cypher: CypherRunner,
  symbol: string,
  window: ExplainWindow,
  move: string | null = null,
): Promise<ExplainTargets> {
  const [row] = await cypher.read<ExplainTargets>(FIND_TARGETS, { symbol, window, move });
  return row ?? { asset: null, assetNode: null, moves: [] };
}

/**
 * In one query: the denials aimed at the moves, or made in the article window at anything else
 * explained (the asset, the drivers and the nodes of their chains); and the conditional claims
 * of articles published in the window that name the asset, its events or its moves. Both start
 * from the moves and from the index of such claims by their article's publication, never from
 * every claim about a much-discussed node.
 */
export async function findDenialsAndRisks(
  cypher: CypherRunner,
  params: {
    explained: readonly string[];
    moves: readonly string[];
    asset: string | null;
    window: ExplainWindow;
    asOf: string;
    /** What to read of each list's claims (whole if absent). */
    select: { readonly denied?: NodeSelection; readonly conditional?: NodeSelection };
  },
): Promise<{ denied: NodeRow[]; conditional: NodeRow[] }> {
  const { select, ...values } = params;
  const [row] = await cypher.read<{ denied: NodeRow[]; conditional: NodeRow[] }>(denialsAndRisks(select), values);
  return row ?? { denied: [], conditional: [] };
}
