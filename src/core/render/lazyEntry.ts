// What the extension loads on first use from dist/worker.js (see src/features/shared/lazy.ts): the
// markdown-to-HTML rendering of stories, for the preview, the practice session and the HTML export.
export * from './bank';
export { exportBankHtml } from '../export/html';
export { lineShift, planPreviewPatch, renderPreview, renderPreviewSteps, type LineShift, type PreviewPieces } from './pieces';
export { StoryHtmlCache } from './storyCache';
