import * as vscode from 'vscode';
import { escapeHtml, nonce, webviewCsp } from '../preview/html';

/**
 * The practice page: the preview's Content Security Policy (one script by nonce, styles and images
 * from our media only, no inline style), and markup that reads in order with a keyboard or a screen
 * reader: progress and timer, the question, its parts, then the reveal and rating buttons.
 */
export function practiceHtml(webview: vscode.Webview, mediaRoot: vscode.Uri, scope: string): string {
  const n = nonce();
  const css = webview.asWebviewUri(vscode.Uri.joinPath(mediaRoot, 'practice.css'));
  const script = webview.asWebviewUri(vscode.Uri.joinPath(mediaRoot, 'dist', 'practice.js'));
  const csp = webviewCsp(webview, n);
  const key = (k: string) => `<kbd aria-hidden="true">${k}</kbd>`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${css}">
<title>STAR Practice</title>
</head>
<body>
<main aria-labelledby="session-title">
<header class="bar">
  <h1 id="session-title" class="scope">Practice · ${escapeHtml(scope)}</h1>
  <p id="progress" aria-live="polite"></p>
  <p class="clock"><span id="timer" role="timer" aria-live="off">0:00</span> <span id="timer-state">left</span></p>
  <div class="meter" aria-hidden="true"><div id="meter-fill"></div></div>
</header>
<section id="question-view" aria-labelledby="question" hidden>
  <p id="principle" class="principle"></p>
  <h2 id="question" tabindex="-1"></h2>
  <p id="history" class="history"></p>
  <p class="hint">Say your answer out loud, then check it part by part.</p>
  <div id="parts"></div>
  <div class="actions" role="group" aria-label="Answer">
    <button type="button" id="reveal-next" data-action="reveal-next" aria-keyshortcuts="Space ArrowRight R">Reveal next ${key('Space')}</button>
    <button type="button" id="reveal-all" data-action="reveal-all" aria-keyshortcuts="A">Reveal all ${key('A')}</button>
    <button type="button" id="pause" data-action="pause" aria-pressed="false" aria-keyshortcuts="P">Pause timer ${key('P')}</button>
  </div>
  <div class="actions rating" role="group" aria-label="How did it go?">
    <button type="button" id="rate-nailed" class="primary" data-action="rate-nailed" aria-keyshortcuts="N">Nailed it ${key('N')}</button>
    <button type="button" id="rate-shaky" data-action="rate-shaky" aria-keyshortcuts="S">Shaky ${key('S')}</button>
    <button type="button" id="rate-skipped" data-action="rate-skipped" aria-keyshortcuts="K">Skip ${key('K')}</button>
  </div>
</section>
<section id="done-view" aria-labelledby="done-title" hidden>
  <h2 id="done-title" tabindex="-1">Session done</h2>
  <p id="done-summary"></p>
  <div class="actions"><button type="button" id="restart" class="primary" data-action="restart" aria-keyshortcuts="Enter">Practice again ${key('Enter')}</button></div>
</section>
<section id="empty-view" hidden>
  <p id="empty-message" tabindex="-1"></p>
</section>
<p class="keys" id="keys">Keys: <kbd>Space</kbd> or <kbd>Right arrow</kbd> reveals the next part, <kbd>1</kbd>–<kbd>5</kbd> a part, <kbd>A</kbd> all of them;
<kbd>N</kbd> nailed it, <kbd>S</kbd> shaky, <kbd>K</kbd> skip; <kbd>P</kbd> pauses the timer.</p>
<p id="announce" class="visually-hidden" aria-live="assertive"></p>
</main>
<script nonce="${n}" src="${script}"></script>
</body>
</html>`;
}
