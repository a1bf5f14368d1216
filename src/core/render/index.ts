export { renderBank, renderBankNodes, renderStoryParts, type RenderOptions, type RenderedBank, type RenderedBankNodes, type RenderedPrinciple, type RenderedStory } from './bank';
export { storyBadges, type Badge } from './badges';
export { metricRanges } from './metrics';
export { sanitizeNodes, PREVIEW_SCHEMA } from './sanitize';
export * from './messages';
