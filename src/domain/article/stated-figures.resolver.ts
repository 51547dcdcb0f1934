import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { Context } from "../../context.js";
import { PriceMove } from "../asset/asset.type.js";
import { Event } from "../event/event.type.js";
import { AMOUNT_TOLERANCE, disputed, PRICE_TOLERANCE } from "../shared/figures.js";
import { EventStatement, PriceMoveStatement } from "./stated-figures.type.js";

const PRICES = ["open", "high", "low", "close"] as const;

@Resolver(() => Event)
export class EventStatementsResolver {
  @FieldResolver(() => [EventStatement], {
    description: "What each article's current version states about the event, most recently published first.",
  })
  statements(@Root() event: Event, @Ctx() ctx: Context): Promise<EventStatement[]> {
    return ctx.loaders.statementsOfEvent.load(event.key);
  }

  @FieldResolver(() => Boolean, {
    description: `True when two current statements give amounts more than ${AMOUNT_TOLERANCE * 100}% of the larger apart.`,
  })
  async figuresDisputed(@Root() event: Event, @Ctx() ctx: Context): Promise<boolean> {
    const statements = await ctx.loaders.statementsOfEvent.load(event.key);
    return disputed(
      statements.map((s) => s.amountUsd),
      AMOUNT_TOLERANCE,
    );
  }
}

@Resolver(() => PriceMove)
export class PriceMoveStatementsResolver {
  @FieldResolver(() => [PriceMoveStatement], {
    description: "What each article's current version states about the move, most recently published first.",
  })
  statements(@Root() move: PriceMove, @Ctx() ctx: Context): Promise<PriceMoveStatement[]> {
    return ctx.loaders.statementsOfPriceMove.load(move.key);
  }

  @FieldResolver(() => Boolean, {
    description: `True when two current statements give an open, high, low or close more than ${PRICE_TOLERANCE * 100}% of the larger apart.`,
  })
  async figuresDisputed(@Root() move: PriceMove, @Ctx() ctx: Context): Promise<boolean> {
    const statements = await ctx.loaders.statementsOfPriceMove.load(move.key);
    return PRICES.some((price) =>
      disputed(
        statements.map((s) => s[price]),
        PRICE_TOLERANCE,
      ),
    );
  }
}
