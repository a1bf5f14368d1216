import * as vscode from 'vscode';
import { ruleDocsUrl } from '../../core/lint/docsUrl';
import type { LintDiagnostic, Severity } from '../../core/lint/types';
import { runSteps, slicer } from '../../core/slices';
import { registerQuickFixes } from '../quickfix';
import { shownRange, toVsRange } from '../shared/convert';
import type { IndexedFile, StoryIndex } from '../shared/storyIndex';
import { traceSpan } from '../shared/typingTrace';
import { Batch } from './batch';
import { LintService } from './lintService';

export const DIAGNOSTIC_SOURCE = 'STAR Answers';

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

/**
 * Problems for every story file of the workspace: open documents as they are typed (after the
 * index's debounce), the rest from the background scan and the file watcher. Files without a story
 * get none.
 */
export function registerDiagnostics(_context: vscode.ExtensionContext, index: StoryIndex): vscode.Disposable {
  const collection = vscode.languages.createDiagnosticCollection('star-answers');
  const service = new LintService(index);
  // A story pasted into one file makes a duplicate-story finding in another: compare across the bank
  // shortly after the last change, and publish only the files whose findings that changed.
  let others: ReturnType<typeof setTimeout> | undefined;
  let disposed = false;
  const compareAcrossBankSoon = (): void => {
    clearTimeout(others);
    // Not while the workspace is read: the files arrive faster than a pass, which waits for the last one (the scan's end calls this again).
    if (index.scanning) return;
    others = setTimeout(() => void service.compareAcrossBank((file) => publish(file.uri), () => disposed), 1000);
  };

  /** Each finding's editor diagnostic: a typed edit leaves most findings of a file as they were (the same objects). */
  const diagnostics = new WeakMap<LintDiagnostic, { uri: string; diagnostic: vscode.Diagnostic }>();
  const converted = (d: LintDiagnostic, uri: vscode.Uri): vscode.Diagnostic => {
    const known = diagnostics.get(d);
    if (known?.uri === uri.toString()) return known.diagnostic;
    const diagnostic = toVsDiagnostic(d, uri);
    diagnostics.set(d, { uri: uri.toString(), diagnostic });
    return diagnostic;
  };
  /** What each file was last published with: publishing the same findings again is skipped. */
  let published = new WeakMap<IndexedFile, LintDiagnostic[]>();
  /**
   * What an open document's problems last looked like in the editor: a keystroke that moves no problem (most
   * keystrokes in a big file) sends VS Code nothing, not the file's thousand diagnostics again.
   */
  const shown = new Map<string, string>();
  /** The problems of files read from disk go a batch at a time (a scan brings a file every few milliseconds); an open document's at once. */
  const batch = new Batch<[vscode.Uri, vscode.Diagnostic[]]>((entries) => collection.set(entries), DISK_BATCH_MS, { weight: ([, list]) => list.length, most: DIAGNOSTICS_PER_SET });
  /**
   * The first problems of a big open document go on the next turn: VS Code converts them on this thread (35 ms for
   * 1,174), and its first reading already holds the thread for the index's other listeners. A newer set replaces them.
   */
  const firstSets = new Batch<[vscode.Uri, vscode.Diagnostic[]]>((entries) => collection.set(entries), 0);
  const isSet = (uri: vscode.Uri): boolean => batch.has(uri.toString()) || firstSets.has(uri.toString()) || collection.has(uri);
  /** The publish under way for each file: a newer one for the same file supersedes one that gave the thread back. */
  const publishing = new Map<string, number>();
  let lastPublish = 0;
  const publish = (uri: vscode.Uri): void => {
    const key = uri.toString();
    const ticket = ++lastPublish;
    publishing.set(key, ticket);
    const steps = publishSteps(uri, key);
    const stale = () => disposed || publishing.get(key) !== ticket;
    const finished = () => {
      if (publishing.get(key) === ticket) publishing.delete(key);
    };
    // Most publishes end in their first slice, on this turn; a big file's first problems give the thread back.
    void runSteps(steps, slicer(PUBLISH_SLICE_MS), stale).then(finished, (error: unknown) => {
      finished();
      console.error(`STAR Answers: could not show the problems of ${key}:`, error);
    });
  };
  function* publishSteps(uri: vscode.Uri, key: string): Generator<void, void> {
    const file = current(index, uri);
    if (file === 'stale') return; // a newer parse is on its way
    if (!file || (!file.bank.hasStories && !file.bank.problems)) {
      shown.delete(key);
      batch.delete(key);
      firstSets.delete(key);
      // VS Code sends the window a message for every delete, even of a file it has no problems for (a scan's storyless pages).
      if (collection.has(uri)) collection.delete(uri);
      return;
    }
    const found = traceSpan(key, file.version, 'diagnostics.findings', () => service.lint(file));
    if (!found) return; // being linted again with new settings: the old problems stand until then
    if (published.get(file) === found && isSet(uri)) return;
    yield;
    const looks = file.version !== undefined ? appearance(file.bank.problems, found) : undefined;
    if (looks !== undefined && shown.get(key) === looks && isSet(uri)) return (void published.set(file, found));
    const diagnostics = (file.bank.problems ?? []).map(toUnreadableDiagnostic);
    for (let at = 0; at < found.length; at += CONVERT_PER_STEP) {
      yield;
      traceSpan(key, file.version, 'diagnostics.convert', () => {
        for (const d of found.slice(at, at + CONVERT_PER_STEP)) diagnostics.push(converted(d, uri));
      });
    }
    published.set(file, found);
    if (looks !== undefined) shown.set(key, looks);
    else shown.delete(key);
    firstSets.delete(key);
    if (file.version === undefined) {
      batch.add(key, [uri, diagnostics]);
      return;
    }
    batch.delete(key);
    if (diagnostics.length > DIAGNOSTICS_PER_SET && !collection.has(uri)) return firstSets.add(key, [uri, diagnostics]);
    traceSpan(key, file.version, 'diagnostics.set', () => collection.set(uri, diagnostics));
  }
  const publishAll = (): void => {
    collection.forEach((uri) => {
      const bank = index.get(uri)?.bank;
      if (!bank?.hasStories && !bank?.problems) collection.delete(uri);
    });
    for (const file of index.storyFiles()) publish(file.uri);
  };

  const timer = setTimeout(() => {
    // Visible documents first, without waiting for the whole bank.
    for (const editor of vscode.window.visibleTextEditors) {
      const document = editor.document;
      if (document.languageId === 'markdown' && index.isIncluded(document.uri)) void index.fresh(document);
    }
    publishAll();
    void index.ready().then(() => {
      publishAll();
      compareAcrossBankSoon();
    }, () => undefined);
  }, 0);

  return vscode.Disposable.from(
    collection,
    service,
    { dispose: () => clearTimeout(timer) },
    { dispose: () => ((disposed = true), clearTimeout(others)) },
    batch,
    firstSets,
    index.onDidChange((uris) => {
      service.bankChanged();
      uris.forEach(publish);
      compareAcrossBankSoon();
    }),
    // Typing wins: a pass over the bank under way stops at the first keystroke in a story file, rather than
    // when that edit's reading arrives, so that it takes no processor from the edit's parse; it starts again
    // a second after the last change.
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (!e.contentChanges.length || e.document.languageId !== 'markdown' || !index.isIncluded(e.document.uri)) return;
      service.bankChanged();
      compareAcrossBankSoon();
    }),
    vscode.workspace.onDidCloseTextDocument((document) => shown.delete(document.uri.toString())),
    service.onDidChangeConfig(() => {
      published = new WeakMap();
      shown.clear();
      publishAll();
      compareAcrossBankSoon();
    }),
    registerQuickFixes(index, service),
  );
}

/** The index's parse of a file; 'stale' when the open document has moved on since. */
function current(index: StoryIndex, uri: vscode.Uri): IndexedFile | 'stale' | undefined {
  const file = index.get(uri);
  if (!file) return undefined;
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (!open || file.version === open.version) return file;
  // Read from disk while the file was being opened: the editor's text is what counts.
  if (file.version === undefined) {
    void index.fresh(open); // publishes when it arrives
    return 'stale';
  }
  return 'stale'; // the index's parse of the newer version is on its way
}

/** How long the problems of files read from disk wait for others to go with them. */
const DISK_BATCH_MS = 200;
/** How long showing a file's problems holds the extension host before giving it back (the 1,174 first problems of a 1.2 MB file took 24 ms to convert in one go, traced in the editor bench). */
const PUBLISH_SLICE_MS = 8;
/** Problems made editor diagnostics between two chances to give the thread back. */
const CONVERT_PER_STEP = 100;
/** Problems per call of the collection's `set` for files read from disk: VS Code converts and sends them on this thread (one batch's call took it 147 ms in a profile of the editor bench's scan). */
const DIAGNOSTICS_PER_SET = 250;

export function toVsDiagnostic(d: LintDiagnostic, uri?: vscode.Uri): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(toVsRange(d.range), d.message, SEVERITY[d.severity]);
  diagnostic.source = DIAGNOSTIC_SOURCE;
  if (d.related?.length) {
    diagnostic.relatedInformation = d.related.map((r) => new vscode.DiagnosticRelatedInformation(new vscode.Location(r.uri ? vscode.Uri.parse(r.uri) : uri!, toVsRange(r.range)), r.message));
  }
  diagnostic.code = { value: d.rule, target: docsUri(d.rule) };
  return diagnostic;
}

/** One docs link per rule, shared by its diagnostics (a big bank has tens of thousands). */
const docsUris = new Map<string, vscode.Uri>();
function docsUri(rule: string): vscode.Uri {
  let uri = docsUris.get(rule);
  if (!uri) docsUris.set(rule, (uri = vscode.Uri.parse(ruleDocsUrl(rule))));
  return uri;
}

/** Everything of a file's problems that the editor shows (not their offsets, which VS Code never sees). */
function appearance(problems: string[] | undefined, found: LintDiagnostic[]): string {
  const parts = (problems ?? []).map((p) => `problem ${p}`);
  for (const d of found) {
    parts.push(`${shownRange(d.range)} ${d.severity} ${d.rule} ${d.message}`);
    for (const r of d.related ?? []) parts.push(`  ${r.uri ?? ''} ${shownRange(r.range)} ${r.message}`);
  }
  return parts.join('\n');
}

/** What the parser could not read (e.g. HTML nested thousands deep), on the first line of the file. */
function toUnreadableDiagnostic(problem: string): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(new vscode.Range(0, 0, 0, 0), problem, vscode.DiagnosticSeverity.Warning);
  diagnostic.source = DIAGNOSTIC_SOURCE;
  return diagnostic;
}
