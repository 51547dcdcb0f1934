import { registerEnumType } from "type-graphql";

export enum AssetClass {
  CRYPTO = "CRYPTO",
  EQUITY = "EQUITY",
  INDEX = "INDEX",
  COMMODITY = "COMMODITY",
  FX = "FX",
  RATE = "RATE",
  FUND = "FUND",
  OTHER = "OTHER",
}
registerEnumType(AssetClass, { name: "AssetClass" });

export enum LevelKind {
  SUPPORT = "SUPPORT",
  RESISTANCE = "RESISTANCE",
  TARGET = "TARGET",
  INVALIDATION = "INVALIDATION",
}
registerEnumType(LevelKind, { name: "LevelKind", description: "What a stated price level means for the asset." });
