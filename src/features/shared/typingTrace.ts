/**
 * STAR_TRACE_TYPING=1 in the extension host's environment: the timings of each step from a change of an
 * open document to what the host shows for it, one `STAR_TRACE {json}` console line per version read
 * (the editor bench collects them). Off otherwise (and always on the web): nothing in the user's output.
 */
const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
export const TRACE_TYPING = env?.STAR_TRACE_TYPING === '1';

/** Milliseconds on a clock shared by the threads of one process (the worker's timings are on it too). */
export const traceClock = (): number => performance.timeOrigin + performance.now();

interface Entry {
  at: Record<string, number>;
  ms: Record<string, number>;
  data: Record<string, unknown>;
}

const open = new Map<string, Entry>();
const ref = (key: string, version: number) => `${version} ${key}`;

function entry(key: string, version: number): Entry {
  const k = ref(key, version);
  let e = open.get(k);
  if (!e) {
    e = { at: {}, ms: {}, data: {} };
    open.set(k, e);
    // A version that never finishes (superseded) is dropped with the next ones.
    if (open.size > 64) open.delete(open.keys().next().value!);
  }
  return e;
}

/** A point in time of one version's way (first mark of a name wins). */
export function traceMark(key: string, version: number, name: string, at = traceClock()): void {
  if (!TRACE_TYPING) return;
  const e = entry(key, version);
  e.at[name] ??= at;
}

/** Time spent in one step (summed over calls); a step that returns a promise, until it settles. */
export function traceSpan<T>(key: string, version: number | undefined, name: string, run: () => T): T {
  if (!TRACE_TYPING || version === undefined) return run();
  const start = performance.now();
  const record = () => {
    const e = entry(key, version);
    e.ms[name] = (e.ms[name] ?? 0) + performance.now() - start;
  };
  let result: T;
  try {
    result = run();
  } catch (error) {
    record();
    throw error;
  }
  if (result instanceof Promise) return result.finally(record) as T;
  record();
  return result;
}

export function traceData(key: string, version: number, data: Record<string, unknown>): void {
  if (!TRACE_TYPING) return;
  Object.assign(entry(key, version).data, data);
}

/** Prints a version's line: each mark relative to the first, each step's time. */
export function traceEnd(key: string, version: number): void {
  if (!TRACE_TYPING) return;
  const k = ref(key, version);
  const e = open.get(k);
  if (!e) return;
  open.delete(k);
  const origin = Math.min(...Object.values(e.at));
  const round = (x: number) => Math.round(x * 10) / 10;
  const at = Object.fromEntries(Object.entries(e.at).sort((a, b) => a[1] - b[1]).map(([n, t]) => [n, round(t - origin)]));
  const ms = Object.fromEntries(Object.entries(e.ms).map(([n, t]) => [n, round(t)]));
  console.log(`STAR_TRACE ${JSON.stringify({ key: key.slice(-40), version, at, ms, ...e.data })}`);
}
