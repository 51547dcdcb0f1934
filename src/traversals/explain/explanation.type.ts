import { Field, Float, Int, ObjectType } from "type-graphql";
import { Asset, PriceMove } from "../../domain/asset/asset.type.js";
import { Claim } from "../../domain/claim/claim.type.js";
import type { LabelKey } from "../../cypher/labels.js";
import { CausalPath } from "../causal/causal-path.type.js";

@ObjectType({ description: "Something the graph says drove the price moves, with the chains that say so." })
export class Driver {
  /** The driver by label and key; DriverResolver loads it. */
  nodeRef!: LabelKey;

  @Field(() => [CausalPath], { description: "Its best chains to the moves (or the asset), best-scoring first: up to 5." })
  paths!: CausalPath[];

  @Field(() => Float, {
    description:
      "Ranking score of the driver's best-scoring path: that path's confidence × (1 + 0.5 × (that path's " +
      "independentSourceCount − 1)). " +
      "A chain through one outlet scores its confidence; each further independent outlet behind every hop " +
      "adds half again. " +
      "Confidence is the product of the hops' confidences, so a root cause several hops away scores below " +
      "the proximate cause it acts through, unless its chain is better corroborated.",
  })
  score!: number;

  @Field(() => Int, { description: "Independent publishing domains behind the best-scoring path (the path the score comes from)." })
  independentSourceCount!: number;
}

@ObjectType({ description: "A span of time, both ends inclusive." })
export class TimeWindow {
  @Field(() => Date)
  from!: string;

  @Field(() => Date)
  to!: string;
}

@ObjectType({ description: "Why an asset moved in a window, according to the graph." })
export class PriceMoveExplanation {
  @Field(() => Asset)
  asset!: Asset;

  @Field(() => [PriceMove], { description: "The asset's price moves overlapping the window, oldest first." })
  moves!: PriceMove[];

  @Field(() => TimeWindow, {
    description:
      "Publication window of the articles whose claims may explain the asset itself (rather than one of its " +
      "moves), and whose denials and conditional risks are reported: from lookbackDays before the window's " +
      "start to its end.",
  })
  articleWindow!: TimeWindow;

  @Field(() => [Driver], {
    description:
      "Events, macro factors, narratives and entities with causal chains to the moves (claims of any date: " +
      "the move pins the time) or to the asset itself (only claims made by articles published in " +
      "articleWindow), ranked by score: the best 50 at most. " +
      "Drivers that tie on score are listed by more chains, then by key; which of several tied drivers make " +
      "the 50 is fixed by the graph (the internal ids of their chains' nodes), the same on every request. " +
      "No chain passes an event that occurred, or a price move that started, after what it explains ended.",
  })
  drivers!: Driver[];

  @Field(() => [Claim], {
    description:
      "Causes the articles explicitly deny (polarity DENIED) for the moves, or, in articles published in " +
      "articleWindow, for the drivers and the asset.",
  })
  deniedCauses!: Claim[];

  @Field(() => [Claim], {
    description:
      'CONDITIONAL claims ("if X then Y") made by articles published in articleWindow that name the ' +
      "asset, its events or its price moves.",
  })
  conditionalRisks!: Claim[];
}
