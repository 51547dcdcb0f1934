import cytoscape, { type Core, type ElementDefinition, type StylesheetJson } from "cytoscape";
import dagre from "cytoscape-dagre";
import { useEffect, useRef } from "react";

cytoscape.use(dagre);

/** Colours by relation; PREVENTS (opposes the effect) ends in a bar instead of an arrow. */
export const RELATION_COLOURS: Readonly<Record<string, string>> = {
  CAUSES: "#c0392b",
  CONTRIBUTES_TO: "#d68910",
  AMPLIFIES: "#8e44ad",
  PRECEDES: "#5d6d7e",
  PREVENTS: "#1e8449",
};

/** Line style by modality: facts solid, opinions dashed, speculation and conditions dotted. */
export const MODALITY_LINES: Readonly<Record<string, "solid" | "dashed" | "dotted">> = {
  FACT: "solid",
  OPINION: "dashed",
  SPECULATION: "dotted",
  CONDITIONAL: "dotted",
};

const STYLE: StylesheetJson = [
  {
    selector: "node",
    style: {
      label: "data(label)",
      "text-wrap": "wrap",
      "text-max-width": "120px",
      "font-size": "13px",
      "text-valign": "bottom",
      "text-margin-y": 4,
      "background-color": "#5b7db1",
      width: 22,
      height: 22,
    },
  },
  { selector: "node.event", style: { shape: "round-rectangle", "background-color": "#2e86c1" } },
  { selector: "node.macrofactor", style: { shape: "diamond", "background-color": "#7d3c98" } },
  { selector: "node.narrative", style: { shape: "hexagon", "background-color": "#b9770e" } },
  { selector: "node.entity", style: { shape: "ellipse", "background-color": "#117a65" } },
  { selector: "node.move", style: { shape: "star", "background-color": "#cb4335", width: 34, height: 34, "font-weight": "bold" } },
  { selector: "node.driver", style: { "border-width": 3, "border-color": "#1b2631" } },
  {
    selector: "edge",
    style: {
      width: "data(width)",
      "curve-style": "bezier",
      "target-arrow-shape": "triangle",
      "arrow-scale": 0.9,
      label: "data(label)",
      "font-size": "9px",
      "text-rotation": "autorotate",
      "text-background-color": "#ffffff",
      "text-background-opacity": 0.8,
      opacity: 0.85,
    },
  },
  ...Object.entries(RELATION_COLOURS).map(([relation, colour]) => ({
    selector: `edge[relation = "${relation}"]`,
    style: { "line-color": colour, "target-arrow-color": colour },
  })),
  { selector: 'edge[relation = "PREVENTS"]', style: { "target-arrow-shape": "tee" } },
  ...Object.entries(MODALITY_LINES).map(([modality, line]) => ({
    selector: `edge[modality = "${modality}"]`,
    style: { "line-style": line },
  })),
  { selector: 'edge[polarity = "DENIED"]', style: { opacity: 0.45 } },
  { selector: "edge.selected", style: { "underlay-color": "#f1c40f", "underlay-opacity": 0.6, "underlay-padding": 4, opacity: 1 } },
];

declare global {
  interface Window {
    /** The drawn causal graph (Cytoscape core), for debugging and browser automation. */
    explorerGraph?: Core;
  }
}

interface Props {
  readonly elements: ElementDefinition[];
  readonly selectedEdge: string | null;
  onSelectEdge(id: string): void;
}

/** The explanation drawn with Cytoscape.js (layered by dagre): causes on the left, the moves they reach on the right. */
export function CausalGraph({ elements, selectedEdge, onSelectEdge }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const graph = useRef<Core | null>(null);
  const onSelect = useRef(onSelectEdge);
  onSelect.current = onSelectEdge;

  useEffect(() => {
    const cy = cytoscape({
      container: container.current,
      elements,
      style: STYLE,
      // Layered left to right: root causes on the left, the moves they reach on the right.
      layout: { name: "dagre", rankDir: "LR", rankSep: 130, nodeSep: 36, edgeSep: 12, padding: 20 } as cytoscape.LayoutOptions,
      wheelSensitivity: 0.3,
      minZoom: 0.2,
      maxZoom: 3,
    });
    cy.on("tap", "edge", (event) => onSelect.current(event.target.id()));
    graph.current = cy;
    window.explorerGraph = cy;
    return () => {
      cy.destroy();
      if (window.explorerGraph === cy) delete window.explorerGraph;
    };
  }, [elements]);

  useEffect(() => {
    const cy = graph.current;
    if (!cy) return;
    cy.edges().removeClass("selected");
    if (selectedEdge) cy.getElementById(selectedEdge).addClass("selected");
  }, [selectedEdge, elements]);

  return (
    <div
      ref={container}
      className="causal-graph"
      role="img"
      aria-label="Causal graph of the drivers and the moves they reach; the claims are also listed below it"
    />
  );
}
