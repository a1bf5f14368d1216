// The same exports as lazy.ts, bundled in: for builds that cannot load a second file.
import * as Complete from '../../core/complete';
import * as Render from '../../core/render/lazyEntry';

export const loadRender = (): typeof Render => Render;
export const loadComplete = (): typeof Complete => Complete;
