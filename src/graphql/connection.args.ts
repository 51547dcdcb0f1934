import { ArgsType, Field, Int } from "type-graphql";

/** Relay paging arguments of the nested connections (an outlet's articles, a narrative's claims, ...). */
@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, { nullable: true, defaultValue: 20 })
  first!: number | null;

  @Field(() => String, { nullable: true })
  after!: string | null;
}

/** Largest page any connection serves. */
export const MAX_PAGE_SIZE = 200;
