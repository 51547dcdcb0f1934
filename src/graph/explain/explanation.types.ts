import { Field, Float, Int, ObjectType } from "type-graphql";
import { Asset, PriceMove } from "../../domain/asset/asset.type.js";
import { Claim } from "../../domain/claim/claim.type.js";
import { CausalNode } from "../../domain/node/causal-node.union.js";
import type { GraphNode } from "../../domain/node/node.mapper.js";
import { CausalPath } from "../causal/causal-path.types.js";

@ObjectType({ description: "Something the graph says drove the price moves, with the chains that say so." })
export class Driver {
  @Field(() => CausalNode)
  node!: GraphNode;

  @Field(() => [CausalPath], { description: "Chains from this driver to the moves (or the asset), best first." })
  paths!: CausalPath[];

  @Field(() => Float, {
    description:
      "Ranking score of the driver's best path: its confidence × (1 + 0.5 × (independentSourceCount − 1)). A chain through one outlet scores its confidence; each further independent outlet behind every hop adds half again.",
  })
  score!: number;

  @Field(() => Int, { description: "The highest independentSourceCount among its paths." })
  independentSourceCount!: number;
}

@ObjectType({ description: "Why an asset moved in a window, according to the graph." })
export class PriceMoveExplanation {
  @Field(() => Asset)
  asset!: Asset;

  @Field(() => [PriceMove], { description: "The asset's price moves overlapping the window, oldest first." })
  moves!: PriceMove[];

  @Field(() => [Driver], { description: "Events, macro factors, narratives and entities with causal chains to the moves, ranked by score." })
  drivers!: Driver[];

  @Field(() => [Claim], { description: "Causes the articles explicitly deny (polarity DENIED) for the moves or for their drivers." })
  deniedCauses!: Claim[];

  @Field(() => [Claim], { description: "CONDITIONAL claims (\"if X then Y\") that name the asset, its events or its price moves." })
  conditionalRisks!: Claim[];
}
