// dist/worker.js on the desktop, one file for two uses: started as a worker thread it is the parse
// worker (./node); required by the extension (src/features/shared/lazy.ts) it gives the renderer and
// the completion probes, which activation does not load. One copy of the markdown pipeline in the .vsix.
import './node';

export * from '../core/render/lazyEntry';
export { completeSections } from '../core/complete';
