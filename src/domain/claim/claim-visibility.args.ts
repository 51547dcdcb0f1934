import { ArgsType, Field } from "type-graphql";

/** Which of a node's or an article's claims a nested list shows; the same rule as the root `claims`. */
@ArgsType()
export class ClaimVisibilityArgs {
  @Field(() => Date, { nullable: true, description: "Show the claims as the graph knew them at this time (default: now)." })
  asOf?: string | null;

  @Field({ defaultValue: false, description: "Also show claims retracted by asOf." })
  includeRetracted!: boolean;

  @Field({ defaultValue: false, description: "Also show claims that a changed version of their article had superseded by asOf." })
  includeSuperseded!: boolean;
}

/** ClaimVisibilityArgs with the time resolved, as a list loader carries them in `req.options`. */
export interface ClaimVisibilityOptions {
  readonly asOf: string;
  readonly includeRetracted: boolean;
  readonly includeSuperseded: boolean;
  /** No asOf was asked: the claims as they are now. */
  readonly now: boolean;
}

export function toClaimVisibility(args: ClaimVisibilityArgs): ClaimVisibilityOptions {
  return {
    asOf: args.asOf ?? new Date().toISOString(),
    includeRetracted: args.includeRetracted,
    includeSuperseded: args.includeSuperseded,
    now: args.asOf === null || args.asOf === undefined,
  };
}
