import type { ApolloServerPlugin } from "@apollo/server";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import type { Config } from "../config.js";
import type { Context } from "../context.js";
import { RateLimitedError } from "../errors.js";

type Kind = "reads" | "writes";

/**
 * Per-client rate limits (rate-limiter-flexible): queries count against the reads limit,
 * mutations against the writes limit, each per minute; 0 turns one off. A client over its
 * limit gets HTTP 429 with Retry-After and a RATE_LIMITED error, before anything runs.
 * Clients are told apart by Context.clientKey (the credential's subject, else the IP).
 */
export function useRateLimits(limits: Config["rateLimits"]): ApolloServerPlugin<Context> {
  const perMinute: Record<Kind, number> = { reads: limits.readsPerMinute, writes: limits.writesPerMinute };
  const limiters: Record<Kind, RateLimiterMemory | null> = {
    reads: perMinute.reads > 0 ? new RateLimiterMemory({ keyPrefix: "reads", points: perMinute.reads, duration: 60 }) : null,
    writes: perMinute.writes > 0 ? new RateLimiterMemory({ keyPrefix: "writes", points: perMinute.writes, duration: 60 }) : null,
  };
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue }) {
          const kind: Kind = operation?.operation === "mutation" ? "writes" : "reads";
          const limiter = limiters[kind];
          if (!limiter) return;
          try {
            await limiter.consume(contextValue.clientKey);
          } catch (rejection) {
            if (!(rejection instanceof RateLimiterRes)) throw rejection;
            throw new RateLimitedError(kind, perMinute[kind], Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)));
          }
        },
      };
    },
  };
}
