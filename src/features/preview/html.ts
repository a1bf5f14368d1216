import * as vscode from 'vscode';

/** A fresh nonce for the one script the preview runs. */
export function nonce(): string {
  const bytes = new Uint8Array(18);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export interface ShellContent {
  /** Sanitized HTML of the stories. */
  body: string;
  resource: string;
  locked: boolean;
  version: number;
  title: string;
}

/**
 * The Content Security Policy of every page we show in a webview (preview and practice): nothing by default,
 * our own styles, images from our media or https, one script by nonce, no base or form targets.
 */
export function webviewCsp(webview: vscode.Webview, scriptNonce: string): string {
  return [`default-src 'none'`, `style-src ${webview.cspSource}`, `img-src ${webview.cspSource} https:`, `script-src 'nonce-${scriptNonce}'`, `base-uri 'none'`, `form-action 'none'`].join('; ');
}

/**
 * The preview's page. Content Security Policy as strict as the built-in markdown preview's, stricter
 * on two points: no inline styles at all, and no data: images (user content never carries them).
 */
export function shellHtml(webview: vscode.Webview, mediaRoot: vscode.Uri, content: ShellContent): string {
  const n = nonce();
  const css = webview.asWebviewUri(vscode.Uri.joinPath(mediaRoot, 'preview.css'));
  const script = webview.asWebviewUri(vscode.Uri.joinPath(mediaRoot, 'dist', 'preview.js'));
  const csp = webviewCsp(webview, n);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${css}">
<title>${escapeHtml(content.title)}</title>
</head>
<body data-resource="${escapeHtml(content.resource)}" data-locked="${content.locked}" data-version="${content.version}">
<nav class="toolbar" aria-label="Preview">
<button type="button" id="expand-all" title="Open every story">Expand all</button>
<button type="button" id="collapse-all" title="Close every story">Collapse all</button>
<button type="button" id="practice" aria-pressed="false" title="Practice: close every story and hide the answers until you click them">Practice</button>
</nav>
<main id="content">${content.body}</main>
<script nonce="${n}" src="${script}"></script>
</body>
</html>`;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
