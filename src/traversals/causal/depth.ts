/** Hard ceiling on how many hops a causal chain may have, whatever a client asks for. */
export const MAX_DEPTH = 6;
