// The same exports as lazy.ts, bundled in: the web build (scripts/build.mjs) takes this file instead.
import * as Complete from '../../core/complete';
import * as Render from '../../core/render/lazyEntry';

export const loadRender = (): typeof Render => Render;
export const loadComplete = (): typeof Complete => Complete;
