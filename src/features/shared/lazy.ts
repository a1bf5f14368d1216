// Parts of the extension that activation does not need, each in its own bundle (dist/render.js,
// dist/complete.js) loaded on first use: the renderer of the preview, practice and HTML export and the completion's probes carry a
// markdown pipeline that would otherwise be loaded, parsed and compiled at every activation.
// A build without these files (the web build) can swap this module for lazy.web.ts, which has the same exports.
import type * as Complete from '../../core/complete';
import type * as Render from '../../core/render/lazyEntry';

let render: typeof Render | undefined;
let complete: typeof Complete | undefined;

export function loadRender(): typeof Render {
  return (render ??= require('./render.js') as typeof Render);
}

export function loadComplete(): typeof Complete {
  return (complete ??= require('./complete.js') as typeof Complete);
}
