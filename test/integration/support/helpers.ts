// Helpers for integration tests (bundled into each *.test.js; this folder is not an entry point).
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { threadSchedule } from './threadTime';

export const EXTENSION_ID = 'star-answers.star-answers';

/** Poll `fn` until it returns a truthy value; fail after `timeoutMs` with `what` in the message. */
export async function waitFor<T>(fn: () => T | undefined | null | false | Promise<T | undefined | null | false>, what: string, timeoutMs = 15000, intervalMs = 50): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/** Resolve on the first `event` firing for which `accept` is true; reject after `timeoutMs`. */
export function waitForEvent<E>(event: vscode.Event<E>, accept: (e: E) => boolean, what: string, timeoutMs = 15000): Promise<E> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { sub.dispose(); reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)); }, timeoutMs);
    const sub = event((e) => {
      if (accept(e)) { clearTimeout(timer); sub.dispose(); resolve(e); }
    });
  });
}

/** The workspace folder: a throw-away copy of test/fixtures/examples (tests may edit it). */
export function workspaceRoot(): vscode.Uri {
  const f = vscode.workspace.workspaceFolders?.[0];
  if (!f) throw new Error('no workspace folder open');
  return f.uri;
}

/** Uri of a file in the workspace, e.g. wsFile('formats', 'incomplete.md'). */
export function wsFile(...segments: string[]): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), ...segments);
}

/** Open (and show) a workspace file. */
export async function openFile(...segments: string[]): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(wsFile(...segments));
  return vscode.window.showTextDocument(doc);
}

/** Wait until the STAR Answers extension is active (it activates on markdown) and return it. */
export async function activeExtension(timeoutMs = 20000): Promise<vscode.Extension<unknown>> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not loaded`);
  await waitFor(() => ext.isActive, `${EXTENSION_ID} to activate`, timeoutMs);
  return ext;
}

/** True when running in code-server + Chromium (scripts/run-vscode-tests.js), where screenshots work. */
export const canScreenshot = !!process.env.STAR_SCREENSHOT_ACK_DIR;

/**
 * Ask the harness to save docs/screenshots/<name>.png of the whole browser page (webviews included),
 * and wait until it is written. Name: letters, digits, '.', '_' and '-'. Let the UI settle first
 * (wait for the tree item / preview content you want to show). A no-op on the test-electron route.
 */
export async function screenshot(name: string, timeoutMs = 20000): Promise<boolean> {
  if (!/^[A-Za-z0-9._-]+$/.test(name)) throw new Error(`bad screenshot name: ${name}`);
  const ackDir = process.env.STAR_SCREENSHOT_ACK_DIR;
  if (!ackDir) { console.log(`(screenshot ${name} skipped: no browser page on this route)`); return false; }
  const ack = path.join(ackDir, `${name}.done`);
  fs.rmSync(ack, { force: true });
  console.log(`SCREENSHOT ${name}`);
  await waitFor(() => fs.existsSync(ack), `screenshot ${name}`, timeoutMs);
  return true;
}

/** The longest the extension host's event loop went without running a timer (every `intervalMs`), while `during` runs. */
export async function longestStall<T>(during: () => Promise<T>, intervalMs = 10): Promise<{ value: T; stallMs: number; ranMs?: number }> {
  let last = performance.now();
  let lastSchedule = threadSchedule();
  let stallMs = 0;
  // Of the longest stall, how long this thread ran (where Linux tells): the rest it waited for a processor.
  let ranMs: number | undefined;
  const timer = setInterval(() => {
    const now = performance.now();
    const schedule = threadSchedule();
    if (now - last > stallMs) {
      stallMs = now - last;
      ranMs = schedule && lastSchedule && schedule.ranMs - lastSchedule.ranMs;
    }
    last = now;
    lastSchedule = schedule;
  }, intervalMs);
  try {
    return { value: await during(), stallMs: Math.round(stallMs), ...(ranMs === undefined ? {} : { ranMs: Math.round(ranMs) }) };
  } finally {
    clearInterval(timer);
  }
}
