// Layered positions for the impact map: business services on top, what they depend on below, by dependency depth.
// Computed once per graph (no physics), so a 5,000-node map lays out in milliseconds and deltas never move nodes.

const SERVICE = "service";

/**
 * Layer of each component: services are layer 0; any other component sits one layer below the lowest of its dependents
 * (longest path from the top), so infrastructure that everything needs ends at the bottom.
 * @param {{id:string, kind:string, dependsOn:string[]}[]} components
 * @returns {Map<string, number>}
 */
export function layers(components) {
  const byId = new Map(components.map(c => [c.id, c]));
  const dependents = new Map(components.map(c => [c.id, []]));
  for (const c of components) for (const d of c.dependsOn) if (dependents.has(d)) dependents.get(d).push(c.id);
  const layer = new Map();
  const remaining = new Map(components.map(c => [c.id, dependents.get(c.id).length]));
  const queue = components.filter(c => remaining.get(c.id) === 0).map(c => c.id);
  for (const id of queue) layer.set(id, byId.get(id).kind === SERVICE ? 0 : 1);
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i];
    for (const d of byId.get(id).dependsOn) {
      if (!byId.has(d)) continue;
      layer.set(d, Math.max(layer.get(d) ?? 0, layer.get(id) + 1));
      remaining.set(d, remaining.get(d) - 1);
      if (remaining.get(d) === 0) queue.push(d);
    }
  }
  for (const c of components) if (!layer.has(c.id)) layer.set(c.id, 1); // only on a cycle, which the graph forbids
  return layer;
}

/**
 * Positions by layer; within a layer ordered by the mean position of the dependents (one barycentre pass), wrapped into
 * rows of at most `perRow` so that very wide layers stay readable.
 * @returns {Map<string, {x:number, y:number}>}
 */
export function positions(components, { spacingX = 200, spacingY = 175, rowGap = 115, perRow = 11 } = {}) {
  const layerOf = layers(components);
  const dependents = new Map(components.map(c => [c.id, []]));
  for (const c of components) for (const d of c.dependsOn) if (dependents.has(d)) dependents.get(d).push(c.id);
  const byLayer = [];
  for (const c of components) (byLayer[layerOf.get(c.id)] ??= []).push(c);
  const x = new Map();
  const result = new Map();
  let y = 0;
  for (const members of byLayer) {
    if (!members) continue;
    const key = c => {
      const ds = dependents.get(c.id).filter(d => x.has(d));
      return ds.length ? ds.reduce((s, d) => s + x.get(d), 0) / ds.length : Number.MAX_SAFE_INTEGER;
    };
    const keyed = members.map(c => ({ c, k: key(c) }));
    keyed.sort((a, b) => a.k - b.k || a.c.kind.localeCompare(b.c.kind) || a.c.id.localeCompare(b.c.id));
    const rows = Math.ceil(keyed.length / perRow);
    for (let r = 0; r < rows; r++) {
      const row = keyed.slice(r * perRow, (r + 1) * perRow);
      const width = (row.length - 1) * spacingX;
      row.forEach(({ c }, i) => {
        const px = i * spacingX - width / 2 + (r % 2 ? spacingX / 2 : 0);
        x.set(c.id, px);
        result.set(c.id, { x: px, y });
      });
      y += r < rows - 1 ? rowGap : 0;
    }
    y += spacingY;
  }
  return result;
}

/** The component and everything it depends on, directly or not. */
export function dependencyTree(components, root) {
  const byId = new Map(components.map(c => [c.id, c]));
  const seen = new Set([root]);
  const queue = [root];
  for (let i = 0; i < queue.length; i++) {
    for (const d of byId.get(queue[i])?.dependsOn ?? []) if (!seen.has(d) && byId.has(d)) { seen.add(d); queue.push(d); }
  }
  return seen;
}
