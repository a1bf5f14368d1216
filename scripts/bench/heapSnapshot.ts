import fs from 'node:fs';

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
  strings: string[];
}

/** Self size and count of a heap snapshot's nodes, by type and name (a constructor, or the kind of string or array). */
function totals(file: string): Map<string, { bytes: number; count: number }> {
  const data = JSON.parse(fs.readFileSync(file, 'utf8')) as Snapshot;
  const fields = data.snapshot.meta.node_fields;
  const types = data.snapshot.meta.node_types[0];
  const width = fields.length;
  const [typeAt, nameAt, sizeAt] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f));
  const out = new Map<string, { bytes: number; count: number }>();
  for (let i = 0; i < data.nodes.length; i += width) {
    const type = types[data.nodes[i + typeAt]];
    const name = type === 'object' || type === 'closure' || type === 'native' ? `${type} ${data.strings[data.nodes[i + nameAt]]}` : type;
    const entry = out.get(name) ?? { bytes: 0, count: 0 };
    entry.bytes += data.nodes[i + sizeAt];
    entry.count++;
    out.set(name, entry);
  }
  return out;
}

/** What grew from one snapshot to the other, the largest growth first. */
export function heapGrowth(before: string, after: string, rows = 25): string {
  const a = totals(before);
  const b = totals(after);
  const growth = [...b].map(([name, { bytes, count }]) => ({ name, bytes: bytes - (a.get(name)?.bytes ?? 0), count: count - (a.get(name)?.count ?? 0) }));
  growth.sort((x, y) => y.bytes - x.bytes);
  const total = (m: Map<string, { bytes: number }>) => [...m.values()].reduce((n, e) => n + e.bytes, 0) / 1048576;
  return [
    `  ${total(a).toFixed(1)} MB → ${total(b).toFixed(1)} MB in the snapshots`,
    ...growth.slice(0, rows).map((g) => `  ${(g.bytes / 1048576).toFixed(2).padStart(8)} MB  ${String(g.count).padStart(8)} objects  ${g.name}`),
  ].join('\n');
}
