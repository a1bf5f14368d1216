// Parts of the extension that activation does not need, loaded on first use from dist/worker.js (the parse
// worker's bundle, which holds the markdown pipeline anyway; see src/worker/desktop.ts): the renderer of the preview, practice and HTML export and the completion's probes carry a
// markdown pipeline that would otherwise be loaded, parsed and compiled at every activation.
// The web build swaps this module for lazy.web.ts, which has the same exports and loads dist/web/worker.js.
import type * as Complete from '../../core/complete';
import type * as Render from '../../core/render/lazyEntry';

let render: typeof Render | undefined;
let complete: Pick<typeof Complete, 'completeSections'> | undefined;

/** Asynchronous for the web build's sake (lazy.web.ts fetches the bundle); here it is a require() on first use. */
export async function loadRender(): Promise<typeof Render> {
  return (render ??= require('./worker.js') as typeof Render);
}

export async function loadComplete(): Promise<Pick<typeof Complete, 'completeSections'>> {
  return (complete ??= require('./worker.js') as typeof Complete);
}
