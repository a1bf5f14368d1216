// The same exports as lazy.ts for the web build (scripts/build.mjs takes this file there): loaded on first
// use from dist/web/worker.js, the parse worker's bundle, which holds the markdown pipeline anyway.
import type * as Complete from '../../core/complete';
import type * as Render from '../../core/render/lazyEntry';
import { webWorkerBundle } from './webWorkerBundle';

export const loadRender = (): Promise<typeof Render> => webWorkerBundle().library();
export const loadComplete = (): Promise<Pick<typeof Complete, 'completeSections'>> => webWorkerBundle().library();
