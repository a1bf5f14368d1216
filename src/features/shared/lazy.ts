// Parts of the extension that activation does not need, loaded on first use from dist/worker.js (the parse
// worker's bundle, which holds the markdown pipeline anyway; see src/worker/desktop.ts): the renderer of the preview, practice and HTML export and the completion's probes carry a
// markdown pipeline that would otherwise be loaded, parsed and compiled at every activation.
// A build without these files (the web build) can swap this module for lazy.web.ts, which has the same exports.
import type * as Complete from '../../core/complete';
import type * as Render from '../../core/render/lazyEntry';

let render: typeof Render | undefined;
let complete: typeof Complete | undefined;

export function loadRender(): typeof Render {
  return (render ??= require('./worker.js') as typeof Render);
}

export function loadComplete(): typeof Complete {
  return (complete ??= require('./worker.js') as typeof Complete);
}
