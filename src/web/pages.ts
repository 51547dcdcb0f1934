import { existsSync } from "node:fs";
import path from "node:path";
import express, { type Request, type RequestHandler, type Router } from "express";
import { printSchema, type GraphQLSchema } from "graphql";
import { projectRoot } from "../project-root.js";

/** Where `npm run build` (Vite) writes the bundled pages. */
const WEB_BUILD_DIR = path.join(projectRoot, "dist", "web");

/** Paths of the browser pages; each is a bundled HTML file under WEB_BUILD_DIR. */
const PAGES = { "/playground": "playground/index.html", "/explore": "explore/index.html" } as const;

/**
 * A browser opening /graphql: a GET with no query whose Accept prefers HTML. GraphQL-over-HTTP
 * clients (Accept: application/graphql-response+json or application/json) still get GraphQL.
 */
function wantsPlayground(req: Request): boolean {
  if (req.method !== "GET" || req.query.query !== undefined) return false;
  return req.accepts(["application/graphql-response+json", "application/json", "text/html"]) === "text/html";
}

/**
 * What the pages may load: only this origin (scripts, workers, styles, fonts, API calls).
 * Inline style attributes are allowed (GraphiQL's editor and React set them); inline scripts are not.
 */
const PAGE_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join("; ");

function page(file: string): RequestHandler {
  const absolute = path.join(WEB_BUILD_DIR, file);
  return (_req, res) => {
    if (!existsSync(absolute)) {
      res.status(503).type("text/plain").send("The browser pages are not built: run `npm run build`.\n");
      return;
    }
    res.setHeader("Cache-Control", "no-cache");
    res.setHeader("Content-Security-Policy", PAGE_CONTENT_SECURITY_POLICY);
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.sendFile(absolute);
  };
}

/**
 * The GraphiQL playground (/playground, and /graphql for browsers), the narrative explorer
 * (/explore), their bundled assets (/ui/assets, cached for a year: file names carry a hash)
 * and the schema they load (/ui/schema.graphql, the server's own SDL, so both work with
 * introspection off). Nothing is fetched from another origin.
 */
export function webPages(schema: GraphQLSchema): Router {
  const router = express.Router();
  const sdl = printSchema(schema);
  router.get("/ui/schema.graphql", (_req, res) => {
    res.type("text/plain; charset=utf-8").setHeader("Cache-Control", "no-cache");
    res.send(sdl);
  });
  router.use("/ui/assets", express.static(path.join(WEB_BUILD_DIR, "assets"), { immutable: true, maxAge: "365d", fallthrough: false }));
  for (const [route, file] of Object.entries(PAGES)) router.get(route, page(file));
  const playground = page(PAGES["/playground"]);
  // A middleware, not a GET route: a route would make the router answer OPTIONS /graphql itself,
  // swallowing the CORS preflight that the GraphQL endpoint's own middleware must answer.
  router.use("/graphql", (req, res, next) => (req.path === "/" && wantsPlayground(req) ? playground(req, res, next) : next()));
  return router;
}
