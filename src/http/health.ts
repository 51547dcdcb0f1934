import { Router } from "express";
import type { Driver } from "neo4j-driver";
import { pingDatabase } from "../db/driver.js";

export interface HealthState {
  /** Set while shutting down, so load balancers stop sending traffic before the drain. */
  draining: boolean;
}

/** `/healthz`: the process is up. `/readyz`: it can serve, i.e. Neo4j answers. */
export function healthRoutes(driver: Driver, database: string | undefined, state: HealthState): Router {
  const router = Router();
  router.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });
  router.get("/readyz", async (_req, res) => {
    if (state.draining) {
      res.status(503).json({ status: "draining" });
      return;
    }
    const neo4j = await pingDatabase(driver, database);
    res.status(neo4j ? 200 : 503).json({ status: neo4j ? "ready" : "unavailable", checks: { neo4j: neo4j ? "up" : "down" } });
  });
  return router;
}
