import cytoscape, { type Core, type ElementDefinition } from "cytoscape";
import fcose from "cytoscape-fcose";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useClient } from "urql";
import { ErrorMessage, Loading, TypeBadge } from "../components/common";
import type { EntityType, RelationType } from "../gql/graphql";
import { RELATION_COLOR, RELATION_TYPES, TYPE_ORDER, TYPE_STYLE, relationGroups, type Brief } from "../model";
import { EntityQuery } from "../queries";
import { Link, entityHref, navigate } from "../router";

cytoscape.use(fcose);

// diameters of cellkg.grass, scaled down: captions sit below the nodes here
const DIAMETER: Record<EntityType, number> = {
  THERAPY: 44,
  TARGET: 34,
  DISEASE: 38,
  INSTITUTION: 44,
  RESEARCHER: 38,
  TRIAL: 44,
};
// EntityQuery (the entity page's, so either page fills urql's cache for the other) fetches at most 50
// neighbours per relation field: a neighbourhood, never the graph. Negated claims are not drawn.

interface GEdge {
  id: string;
  source: string;
  target: string;
  type: RelationType;
  confidence: number;
  evidenceCount: number;
}

declare global {
  interface Window {
    __cellkgCy?: Core;
  }
}

function caption(n: Brief): string {
  const withZh = n.type === "THERAPY" || n.type === "RESEARCHER";
  return withZh && n.nameZh && n.nameZh !== n.name ? `${n.name}\n${n.nameZh}` : n.name;
}

function parseTypes(params: URLSearchParams): Set<RelationType> {
  const raw = params.get("types");
  if (!raw) return new Set(RELATION_TYPES);
  return new Set(raw.split(",").filter((t): t is RelationType => (RELATION_TYPES as string[]).includes(t)));
}

export function GraphView({ id, params }: { id: string; params: URLSearchParams }) {
  const client = useClient();
  const container = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const [nodes, setNodes] = useState<Map<string, Brief>>(new Map());
  const [edges, setEdges] = useState<Map<string, GEdge>>(new Map());
  const [expanded, setExpanded] = useState<Set<string>>(new Set());
  const [pending, setPending] = useState<Set<string>>(new Set());
  const [error, setError] = useState<string | Error | null>(null);
  const [selected, setSelected] = useState<string>(id);
  const types = useMemo(() => parseTypes(params), [params]);
  const minConfidence = Number(params.get("min") ?? "0") || 0;

  const setParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(window.location.search);
    if (value === null) next.delete(key);
    else next.set(key, value);
    const qs = next.toString();
    navigate(`${window.location.pathname}${qs ? `?${qs}` : ""}`, true);
  };

  const expand = useCallback(
    async (entityId: string) => {
      if (expanded.has(entityId) || pending.has(entityId)) return;
      setPending((p) => new Set(p).add(entityId));
      const result = await client.query(EntityQuery, { id: entityId }).toPromise();
      setPending((p) => {
        const n = new Set(p);
        n.delete(entityId);
        return n;
      });
      if (result.error) return setError(result.error);
      const entity = result.data?.entity;
      if (!entity) return setError(`No entity has the id “${entityId}”.`);
      setError(null);
      const groups = relationGroups(entity).map((g) => ({ ...g, edges: g.edges.filter((e) => !e.negated) }));
      setNodes((prev) => {
        const next = new Map(prev);
        next.set(entity.id, { id: entity.id, name: entity.name, nameZh: entity.nameZh, type: entity.type });
        for (const g of groups) for (const e of g.edges) if (!next.has(e.node.id)) next.set(e.node.id, e.node);
        return next;
      });
      setEdges((prev) => {
        const next = new Map(prev);
        for (const g of groups)
          for (const e of g.edges) {
            const [source, target] = g.direction === "in" ? [e.node.id, entity.id] : [entity.id, e.node.id];
            if (!next.has(e.relationId))
              next.set(e.relationId, {
                id: e.relationId,
                source,
                target,
                type: e.type,
                confidence: e.confidence,
                evidenceCount: e.evidenceCount,
              });
          }
        return next;
      });
      setExpanded((x) => new Set(x).add(entityId));
    },
    [client, expanded, pending],
  );

  // a new root: start over
  useEffect(() => {
    setNodes(new Map());
    setEdges(new Map());
    setExpanded(new Set());
    setSelected(id);
    setError(null);
  }, [id]);
  useEffect(() => {
    if (!expanded.has(id) && !pending.has(id) && nodes.size === 0) void expand(id);
  }, [id, expanded, pending, nodes, expand]);

  // the visible part: edges passing the filters, and the nodes they touch (plus root and expanded)
  const visible = useMemo(() => {
    const es = [...edges.values()].filter((e) => types.has(e.type) && e.confidence >= minConfidence);
    const ns = new Set<string>([id, ...expanded].filter((n) => nodes.has(n)));
    for (const e of es) ns.add(e.source).add(e.target);
    return { edges: es, nodes: [...ns].map((n) => nodes.get(n)!).filter(Boolean) };
  }, [edges, nodes, types, minConfidence, id, expanded]);

  // create cytoscape once
  useEffect(() => {
    if (!container.current) return;
    const cy = cytoscape({
      container: container.current,
      minZoom: 0.2,
      maxZoom: 3,
      style: [
        {
          selector: "node",
          style: {
            label: "data(label)",
            width: "data(size)",
            height: "data(size)",
            "background-color": "data(color)",
            "border-color": "data(border)",
            "border-width": 2,
            color: "#2A2C34",
            "font-size": 11,
            "font-family": "system-ui, sans-serif",
            "text-outline-color": "#ffffff",
            "text-outline-width": 2,
            "text-margin-y": 4,
            "text-valign": "bottom",
            "text-halign": "center",
            "text-wrap": "wrap",
            "text-max-width": "data(textWidth)",
          },
        },
        { selector: "node.expanded", style: { "border-width": 4 } },
        { selector: "node.root", style: { "border-width": 5, "border-color": "#2A2C34" } },
        { selector: "node:selected", style: { "overlay-color": "#2A2C34", "overlay-opacity": 0.15, "overlay-padding": 6 } },
        {
          selector: "edge",
          style: {
            width: "data(width)",
            "line-color": "data(color)",
            "target-arrow-color": "data(color)",
            "target-arrow-shape": "triangle",
            "curve-style": "bezier",
            label: "data(type)",
            "font-size": 8,
            "font-family": "system-ui, sans-serif",
            color: "#4a4f5c",
            "text-rotation": "autorotate",
            "text-background-color": "#ffffff",
            "text-background-opacity": 0.8,
            "text-background-padding": "1px",
          },
        },
      ],
    });
    cy.on("tap", "node", (event) => {
      const nodeId = event.target.id() as string;
      setSelected(nodeId);
      void expandRef.current(nodeId);
    });
    cyRef.current = cy;
    window.__cellkgCy = cy;
    return () => {
      cy.destroy();
      cyRef.current = null;
      delete window.__cellkgCy;
    };
  }, []);
  const expandRef = useRef(expand);
  expandRef.current = expand;

  // sync the visible part into cytoscape and lay out what is new
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const wanted = new Set([...visible.nodes.map((n) => n.id), ...visible.edges.map((e) => e.id)]);
    cy.elements().forEach((el) => {
      if (!wanted.has(el.id())) el.remove();
    });
    const added: ElementDefinition[] = [];
    for (const n of visible.nodes) {
      const s = TYPE_STYLE[n.type];
      const data = {
        id: n.id,
        label: caption(n),
        color: s.color,
        border: s.border,
        size: DIAMETER[n.type],
        textWidth: 140,
      };
      if (cy.getElementById(n.id).empty()) {
        // start new nodes beside a neighbour already drawn, so the layout moves little
        const anchor = visible.edges
          .filter((e) => e.source === n.id || e.target === n.id)
          .map((e) => cy.getElementById(e.source === n.id ? e.target : e.source))
          .find((el) => el.nonempty());
        const p = anchor?.position();
        added.push({ group: "nodes", data, position: p ? { x: p.x + Math.random() * 40 - 20, y: p.y + Math.random() * 40 - 20 } : undefined });
      }
    }
    for (const e of visible.edges)
      if (cy.getElementById(e.id).empty())
        added.push({
          group: "edges",
          data: { ...e, color: RELATION_COLOR[e.type], width: 1 + 3 * e.confidence },
        });
    cy.batch(() => {
      cy.add(added);
      cy.nodes().removeClass("root expanded");
      cy.getElementById(id).addClass("root");
      for (const x of expanded) cy.getElementById(x).addClass("expanded");
      cy.nodes().unselect();
      cy.getElementById(selected).select();
    });
    if (added.length) {
      const first = cy.nodes().length === added.filter((a) => a.group === "nodes").length;
      cy.layout({
        name: "fcose",
        quality: "default",
        randomize: first,
        animate: !first,
        animationDuration: 300,
        nodeRepulsion: () => 9000,
        idealEdgeLength: () => 130,
        fit: true,
        padding: 30,
      } as cytoscape.LayoutOptions).run();
    }
  }, [visible, id, expanded, selected]);

  const sel = nodes.get(selected);
  const rootNode = nodes.get(id);
  useEffect(() => {
    document.title = rootNode ? `Graph: ${rootNode.name} · cellkg` : "Graph · cellkg";
  }, [rootNode]);
  const toggleType = (t: RelationType) => {
    const next = new Set(types);
    if (next.has(t)) next.delete(t);
    else next.add(t);
    setParam("types", next.size === RELATION_TYPES.length ? null : [...next].join(","));
  };
  const neighbours = visible.nodes
    .filter((n) => n.id !== selected)
    .sort((a, b) => TYPE_ORDER.indexOf(a.type) - TYPE_ORDER.indexOf(b.type) || a.name.localeCompare(b.name));

  return (
    <div className="graph-page" data-testid="graph-page">
      <header className="page-head">
        <h1>
          Neighbourhood of {rootNode ? <Link href={entityHref(id)}>{rootNode.name}</Link> : <code>{id}</code>}
        </h1>
        <span className="muted small">
          {visible.nodes.length} nodes · {visible.edges.length} relations · click a node to expand it
        </span>
      </header>
      {error && <ErrorMessage error={error} />}
      <div className="graph-layout">
        <aside className="graph-filters" aria-label="Filters">
          <fieldset>
            <legend>Relation types</legend>
            {RELATION_TYPES.map((t) => (
              <label key={t} className="check">
                <input type="checkbox" checked={types.has(t)} onChange={() => toggleType(t)} />
                <span className="swatch line" style={{ background: RELATION_COLOR[t] }} />
                {t}
              </label>
            ))}
          </fieldset>
          <fieldset>
            <legend>Minimum confidence</legend>
            <input
              type="range"
              min={0}
              max={1}
              step={0.05}
              value={minConfidence}
              aria-label="Minimum confidence"
              onChange={(e) => setParam("min", e.target.value === "0" ? null : e.target.value)}
            />
            <output>{minConfidence.toFixed(2)}</output>
          </fieldset>
          <fieldset>
            <legend>Node types</legend>
            {TYPE_ORDER.map((t) => (
              <div key={t} className="legend-item">
                <span className="swatch" style={{ background: TYPE_STYLE[t].color, borderColor: TYPE_STYLE[t].border }} />
                {TYPE_STYLE[t].label}
              </div>
            ))}
          </fieldset>
        </aside>
        <div className="graph-canvas" ref={container} data-testid="graph-canvas" role="img" aria-label="Graph of the neighbourhood">
          {nodes.size === 0 && !error && <Loading what="the neighbourhood" />}
        </div>
        <aside className="graph-side" aria-label="Selected node">
          {sel && (
            <div className="selected-node" data-testid="selected-node">
              <TypeBadge type={sel.type} />
              <h2>{sel.name}</h2>
              {sel.nameZh && sel.nameZh !== sel.name && <p lang="zh">{sel.nameZh}</p>}
              <div className="buttons">
                <Link className="button" href={entityHref(sel.id)}>
                  Open entity page
                </Link>
                <button type="button" onClick={() => void expand(sel.id)} disabled={expanded.has(sel.id) || pending.has(sel.id)}>
                  {expanded.has(sel.id) ? "Expanded" : pending.has(sel.id) ? "Expanding…" : "Expand"}
                </button>
              </div>
            </div>
          )}
          <h3>Nodes in view</h3>
          <ul className="node-list">
            {neighbours.map((n) => (
              <li key={n.id}>
                <button
                  type="button"
                  className="node-button"
                  onClick={() => {
                    setSelected(n.id);
                    void expand(n.id);
                  }}
                  title={expanded.has(n.id) ? "expanded" : "select and expand"}
                >
                  <span className="swatch" style={{ background: TYPE_STYLE[n.type].color }} />
                  {n.name}
                  {expanded.has(n.id) && <span className="muted small"> ✓</span>}
                </button>
              </li>
            ))}
          </ul>
        </aside>
      </div>
    </div>
  );
}
