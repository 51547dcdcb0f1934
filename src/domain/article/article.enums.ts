import { registerEnumType } from "type-graphql";

export enum Sentiment {
  BULLISH = "BULLISH",
  BEARISH = "BEARISH",
  NEUTRAL = "NEUTRAL",
  MIXED = "MIXED",
}
registerEnumType(Sentiment, { name: "Sentiment" });
