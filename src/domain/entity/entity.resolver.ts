import { Resolver } from "type-graphql";
import { AboutResolver } from "../node/about.resolver.js";
import { Entity } from "./entity.type.js";

@Resolver(() => Entity)
export class EntityResolver extends AboutResolver(Entity, "Entity", (entity) => entity.key) {}
