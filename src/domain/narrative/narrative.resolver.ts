import { Arg, Ctx, Query, Resolver } from "type-graphql";
import type { Context } from "../../context.js";
import { FieldReader } from "../../input/field-reader.js";
import { Problems } from "../../input/problems.js";
import { loadCurrentNode } from "../shared/load.js";
import { Narrative } from "./narrative.type.js";

@Resolver(() => Narrative)
export class NarrativeResolver {
  @Query(() => Narrative, { nullable: true, description: "A narrative by key, e.g. etf-exodus." })
  narrative(@Arg("key") key: string, @Ctx() ctx: Context): Promise<Narrative | null> {
    const problems = new Problems();
    const canonical = new FieldReader(problems).key(key, "key");
    problems.throwIfAny();
    return loadCurrentNode<Narrative>(ctx, "Narrative", canonical);
  }
}
