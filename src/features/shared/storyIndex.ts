import * as vscode from 'vscode';
import { ByteBudget } from '../../core/byteBudget';
import { mayBePrincipleFile, type CatalogPrinciple } from '../../core/catalog';
import { MAX_STORY_FILE_BYTES, overBudgetMessage, tooLargeMessage } from '../../core/limits';
import type { BankFile } from '../../core/model';
import { contentHash, sameContent, unchangedOnDisk } from '../../core/snapshot/freshness';
import { lazyCollator } from '../../core/text/collator';
import { LineIndex } from '../../core/text/lineIndex';
import { giveBack, runStepsSliced } from '../../core/slices';
import { applyBankPatchSteps, applyFindingsPatch } from '../../core/worker/patch';
import { ParseBudgetExceeded, ParseSuperseded } from '../../core/worker/pool';
import type { ParseResponse, WorkerFinding } from '../../core/worker/protocol';
import { catalogSetting } from '../tree/settings';
import { readFileBytes, statOnDisk } from './diskFiles';
import type { IndexSnapshot } from './indexSnapshot';
import { lintSettings } from './lintSettings';
import type { BankParser } from './parseService';
import { TRACE_TYPING, traceData, traceEnd, traceMark, traceSpan } from './typingTrace';

export interface IndexedFile {
  uri: vscode.Uri;
  /** The open document's version, or undefined when read from disk. */
  version: number | undefined;
  text: string;
  /** Built on first use: most files never need it on this thread. */
  readonly lines: LineIndex;
  bank: BankFile;
  /** The worker's findings, and the settings they were linted with. */
  lint?: { settings: string; findings: WorkerFinding[] };
  /** Size and modification time on disk when read from there (and the text's hash once known): tells a changed file next session. */
  disk?: { size: number; mtime: number; hash?: string };
}

/** An indexed file whose line index is built when first read. */
function indexedFile(uri: vscode.Uri, version: number | undefined, text: string, bank: BankFile, lint?: IndexedFile['lint'], disk?: IndexedFile['disk']): IndexedFile {
  let lines: LineIndex | undefined;
  return {
    uri,
    version,
    text,
    bank,
    ...(lint ? { lint } : {}),
    ...(disk ? { disk } : {}),
    get lines() {
      return (lines ??= new LineIndex(text));
    },
  };
}

/**
 * One parsed view of every story file of the workspace, shared by the tree, the diagnostics and the
 * preview. Open documents are read from the editor (debounced while typing), others from disk; a
 * file watcher keeps it current. Files without a story are kept too, with `bank.hasStories` false.
 * The parsing happens in a worker: this class only stores results, and drops those of an older version.
 */
export class StoryIndex implements vscode.Disposable {
  private readonly files = new Map<string, IndexedFile>();
  /** The keys of `files` in uri order, sorted again only when a file comes or goes (a big bank's sort takes tens of ms). */
  private order: string[] | undefined;
  private readonly changeEmitter = new vscode.EventEmitter<vscode.Uri[]>();
  private readonly disposables: vscode.Disposable[] = [this.changeEmitter];
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Files deleted on disk whose document VS Code still holds: they stay out until edited. */
  private readonly deleted = new Set<string>();
  private watcher: vscode.Disposable | undefined;
  private scan: Promise<void> | undefined;
  private scansRunning = 0;
  private scanSource: vscode.CancellationTokenSource | undefined;
  /** The parse under way for each open document, by version. */
  private readonly inflight = new Map<string, { version: number; file: Promise<IndexedFile> }>();
  /** The latest reading from disk of each file under way. */
  private readonly diskReads = new Map<string, { id: number; done: Promise<void> }>();
  private lastDiskRead = 0;
  /** Each workspace folder's lint settings and principle catalog ('' for files outside every folder), read once per change of the settings. */
  private readonly settingsByFolder = new Map<string, { lint: ReturnType<typeof lintSettings>; catalog: CatalogPrinciple[] }>();
  /** Open documents whose reading is held without the listeners told yet (read ahead while typing). */
  private readonly unshown = new Set<string>();
  /** The newest request per file: an answer to an older one is dropped. */
  private readonly tickets = new Map<string, number>();
  private nextTicket = 1;

  /** Fires with the files whose parse changed (added, updated or removed). */
  readonly onDidChange = this.changeEmitter.event;

  /** `snapshot`: where the index is kept between sessions (the first scan starts from it). */
  constructor(
    private readonly parser: BankParser,
    private readonly snapshot?: IndexSnapshot,
  ) {
    if (snapshot) this.disposables.push(snapshot.track(this));
    this.disposables.push(
      parser,
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (TRACE_TYPING) traceMark(e.document.uri.toString(), e.document.version, 'changed');
        this.schedule(e.document, debounceMs(), e.contentChanges.length > 0);
      }),
      vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d, 0)),
      vscode.workspace.onDidCloseTextDocument((d) => {
        parser.forget(d.uri.toString());
        // Outside the workspace (or never saved) a file is only part of the bank while it is open.
        if (d.uri.scheme === 'untitled' || !vscode.workspace.getWorkspaceFolder(d.uri)) this.remove(d.uri);
        else void this.reloadFromDisk(d.uri);
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => {
        this.settingsByFolder.clear();
        if (this.scan) this.rescan();
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('starAnswers')) this.settingsByFolder.clear();
        if (e.affectsConfiguration('starAnswers.catalog') || e.affectsConfiguration('starAnswers.customCatalog')) this.rereadUnparsed();
        if (e.affectsConfiguration('starAnswers.include') || e.affectsConfiguration('starAnswers.exclude')) this.rescan();
      }),
    );
  }

  /** True while the workspace is being read. */
  get scanning(): boolean {
    return this.scansRunning > 0;
  }

  /** Starts the background scan of the workspace once; later calls return the same promise. */
  ready(): Promise<void> {
    this.scan ??= this.scanWorkspace(true);
    return this.scan;
  }

  all(): IndexedFile[] {
    this.order ??= [...this.files.keys()].sort((a, b) => uriOrder().compare(a, b));
    return this.order.map((key) => this.files.get(key)!);
  }

  private setFile(key: string, file: IndexedFile): void {
    if (!this.files.has(key)) this.order = undefined;
    this.files.set(key, file);
  }

  /** Files that hold at least one story. */
  storyFiles(): IndexedFile[] {
    return this.all().filter((f) => f.bank.hasStories);
  }

  get(uri: vscode.Uri): IndexedFile | undefined {
    return this.files.get(uri.toString());
  }

  /**
   * The parse of a document at its current version: the stored one when it is current, else asked of
   * the worker (typing re-reads only the edited story there). Never blocks the extension host.
   * `quiet` (reading ahead while the user types, a provider that only needs the reading): while the document's
   * debounce runs, the reading is held without telling the listeners, and shown when the debounce ends (or by
   * a call that is not quiet before that), so that the problems and the tree change once the user pauses.
   */
  fresh(document: vscode.TextDocument, quiet = false): Promise<IndexedFile> {
    const key = document.uri.toString();
    const known = this.files.get(key);
    if (known && known.version === document.version) {
      if (!quiet) this.showHeld(key);
      return Promise.resolve(known);
    }
    const pending = this.inflight.get(key);
    if (pending && pending.version === document.version) return quiet ? pending.file : pending.file.then((file) => (this.showHeld(key), file));
    // One reading of a document at a time: the next is asked for once the last is held here, so that the
    // worker answers it with a patch to that one (an answer dropped here would make the next one whole).
    if (pending) {
      const again = () => this.fresh(document, quiet);
      return pending.file.then(again, again);
    }
    const version = document.version;
    if (TRACE_TYPING) traceMark(key, version, 'asked');
    const text = traceSpan(key, version, 'getText', () => document.getText());
    const file = this.read(document.uri, text, version, true).then((read) => {
      if (this.inflight.get(key)?.version === version) this.inflight.delete(key);
      if (!read) return this.files.get(key) ?? emptyFile(document.uri, version, document.getText());
      const gone = this.deleted.has(key) && !document.isDirty;
      if ((this.isIncluded(document.uri) || this.files.has(key)) && !gone) this.store(read, quiet && this.timers.has(key));
      return read;
    });
    this.inflight.set(key, { version, file });
    return file;
  }

  /** Reads every stored file again (the lint settings changed); the results arrive through onDidChange. */
  relintAll(): void {
    this.settingsByFolder.clear(); // whichever listener of the settings' change runs first
    for (const file of this.files.values()) {
      void this.read(file.uri, file.text, file.version, file.version !== undefined).then((read) => {
        if (!read || !this.files.has(read.uri.toString())) return;
        if (file.disk) read.disk = file.disk; // the same text: the same file on disk
        this.store(read);
      });
    }
  }

  /**
   * Whether a markdown file belongs to the bank: untitled editors and files of the workspace folders
   * (whatever their file system: disk, remote, a repository opened on the web) unless the folder's
   * `starAnswers.exclude` matches them, as VS Code's own glob matching reads it.
   */
  isIncluded(uri: vscode.Uri): boolean {
    if (uri.scheme === 'untitled') return true; // a new markdown editor, whatever its name
    if (!/\.(md|markdown)$/i.test(uri.path)) return false;
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder && uri.scheme !== 'file' && uri.scheme !== 'vscode-remote') return false; // git:, output:, …
    const exclude = excludeGlob(folder?.uri ?? uri);
    if (!exclude) return true;
    // languages.match reads only the uri and the language of the document it is given.
    const pattern = folder ? new vscode.RelativePattern(folder, exclude) : exclude;
    return vscode.languages.match({ pattern }, { uri, languageId: 'markdown' } as vscode.TextDocument) === 0;
  }

  /**
   * Shows the document's reading once it has been quiet for `delay` (the debounce). A change is read at
   * once all the same (`readAhead`), so that the reading is ready when the debounce ends.
   */
  private schedule(document: vscode.TextDocument, delay = debounceMs(), readAhead = false): void {
    if (document.languageId !== 'markdown' || !this.isIncluded(document.uri)) return;
    const key = document.uri.toString();
    if (readAhead) void this.fresh(document, true);
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        if (document.isClosed) return;
        if (TRACE_TYPING) traceMark(key, document.version, 'debounced');
        void this.fresh(document);
      }, delay),
    );
  }

  /** Parses in the worker; undefined when a newer request for the same file was made meanwhile. */
  private async read(uri: vscode.Uri, text: string, version: number | undefined, keep: boolean): Promise<IndexedFile | undefined> {
    const key = uri.toString();
    const ticket = this.nextTicket++;
    this.tickets.set(key, ticket);
    if (text.length > MAX_STORY_FILE_BYTES) {
      return indexedFile(uri, version, text, { principles: [], hasStories: false, problems: [tooLargeMessage(text.length)] });
    }
    let bank: BankFile | undefined;
    let lint: IndexedFile['lint'];
    try {
      // Linted in the worker too, with the settings of now: the extension host only publishes.
      const { lint: settings, catalog } = this.settingsFor(uri);
      // Typing: the worker answers with what changed since the reading held here (not the whole model back).
      const held = keep ? this.files.get(key) : undefined;
      const base = held && held.version !== undefined && held.lint?.settings === settings.key && !held.bank.problems ? held : undefined;
      // Read from disk (the scan, the watcher): a page of docs that holds no story and needs the full markdown reader is
      // not parsed, unless it may be a principle's file without a story yet (the Story Bank lists those under the catalog).
      const skip = !keep && !mayBePrincipleFile(text, uri.path, catalog);
      const request = { key, version: version ?? -ticket, text, fileName: uri.path, keep, lint: settings.config, ...(skip ? { skipStoryless: 'unless-simple' as const } : {}), ...(TRACE_TYPING && keep ? { trace: true } : {}) };
      let answer = await this.traced(key, version, this.parser.parse({ ...request, ...(base ? { patchFrom: base.version } : {}) }));
      if (answer.patch) {
        const patched = base && answer.patch.base === base.version ? await traceSpan(key, version, 'applyPatch', () => applyPatch(base, answer)) : undefined;
        if (TRACE_TYPING && version !== undefined) traceData(key, version, { patched: !!patched });
        if (patched) ({ bank, lint } = { bank: patched.bank, lint: patched.findings && { settings: settings.key, findings: patched.findings } });
        else answer = await this.parser.parse(request); // the reading here is not the one patched: the whole of it
      }
      if (!answer.patch) {
        bank = answer.bank;
        if (answer.findings) lint = { settings: settings.key, findings: answer.findings };
      }
    } catch (error) {
      if (error instanceof ParseSuperseded) return undefined;
      if (error instanceof ParseBudgetExceeded) bank = { principles: [], hasStories: false, problems: [overBudgetMessage(error.budgetMs)] };
      else {
        console.error(`STAR Answers: could not read ${key}:`, error);
        bank = { principles: [], hasStories: false };
      }
    }
    if (this.tickets.get(key) !== ticket) return undefined;
    return indexedFile(uri, version, text, bank!, lint);
  }

  /**
   * Pages read from disk without a parse (they could hold no story and named no principle of the catalog): read
   * again when the catalog changes, since one of them may be the file of a principle it names now.
   */
  private rereadUnparsed(): void {
    for (const file of this.files.values()) {
      if (file.version !== undefined || file.bank.principles.length || file.bank.problems) continue;
      void this.read(file.uri, file.text, undefined, false).then((read) => {
        if (!read || this.files.get(read.uri.toString()) !== file) return;
        if (file.disk) read.disk = file.disk; // the same text: the same file on disk
        this.store(read);
      });
    }
  }

  /**
   * The lint settings and the catalog of a file's workspace folder, read once per change of the settings or the
   * folders (reading them for each of a scan's 1,200 files took 200 ms of the extension host). A new object after
   * each reading: the diagnostics warn about bad settings once per reading.
   */
  settingsFor(uri: vscode.Uri): { lint: ReturnType<typeof lintSettings>; catalog: CatalogPrinciple[] } {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const id = folder?.uri.toString() ?? '';
    let settings = this.settingsByFolder.get(id);
    if (!settings) {
      settings = { lint: lintSettings(uri), catalog: catalogSetting() };
      this.settingsByFolder.set(id, settings);
    }
    return settings;
  }

  /** The worker's answer, with its timings in the trace (STAR_TRACE_TYPING). */
  private async traced(key: string, version: number | undefined, asked: Promise<ParseResponse>): Promise<ParseResponse> {
    if (!TRACE_TYPING || version === undefined) return asked;
    traceMark(key, version, 'posted');
    const answer = await asked;
    if (answer.timing) {
      traceMark(key, version, 'answered');
      traceMark(key, version, 'workerStarted', answer.timing.startedAt);
      traceMark(key, version, 'workerSent', answer.timing.sentAt);
      traceData(key, version, { how: answer.how, workerReadMs: Math.round(answer.timing.readMs * 10) / 10, workerLintMs: Math.round(answer.timing.lintMs * 10) / 10 });
    }
    return answer;
  }

  /** `quiet`: held, and shown by the next call of `fresh` that is not quiet (the debounce's, at the latest). */
  private store(file: IndexedFile, quiet = false): void {
    const key = file.uri.toString();
    this.setFile(key, file);
    if (quiet) this.unshown.add(key);
    else this.show(file);
  }

  private show(file: IndexedFile): void {
    const key = file.uri.toString();
    this.unshown.delete(key);
    traceSpan(key, file.version, 'listeners', () => this.changeEmitter.fire([file.uri]));
    if (TRACE_TYPING && file.version !== undefined) {
      traceMark(key, file.version, 'shown');
      traceEnd(key, file.version);
    }
  }

  /** Tells the listeners of a reading held quietly, if there is one. */
  private showHeld(key: string): void {
    if (!this.unshown.has(key)) return;
    const file = this.files.get(key);
    if (file) this.show(file);
    else this.unshown.delete(key);
  }

  private remove(uri: vscode.Uri): void {
    this.unshown.delete(uri.toString());
    if (this.files.delete(uri.toString())) {
      this.order = undefined;
      this.changeEmitter.fire([uri]);
    }
  }

  private async reloadFromDisk(uri: vscode.Uri): Promise<void> {
    if (!this.files.has(uri.toString())) return;
    try {
      await this.readFromDisk(uri);
    } catch {
      this.remove(uri);
    }
  }

  /**
   * A result read from disk (in this session or the last one, from the snapshot) is kept when the file
   * has the same text (by hash), or, with `trustStamp` (the scan), the same size and modification time
   * without reading it; otherwise the file is parsed. A reading overtaken by a newer one of the same file
   * (the watcher's, while the scan reads it) ends when that one has stored the file, so that the scan's
   * end means every file it listed is in the index.
   */
  private readFromDisk(uri: vscode.Uri, trustStamp = false, budget?: ByteBudget): Promise<void> {
    const key = uri.toString();
    const id = ++this.lastDiskRead;
    const done = this.readFromDiskOnce(uri, id, trustStamp, budget).finally(() => {
      if (this.diskReads.get(key)?.id === id) this.diskReads.delete(key);
    });
    this.diskReads.set(key, { id, done });
    return done;
  }

  private async readFromDiskOnce(uri: vscode.Uri, id: number, trustStamp: boolean, budget: ByteBudget | undefined): Promise<void> {
    const key = uri.toString();
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
    if (open) {
      await this.fresh(open);
      return;
    }
    const stat = await statOnDisk(uri);
    if (stat.size > MAX_STORY_FILE_BYTES) {
      this.remove(uri); // too large to read in the background; it is read when opened
      return;
    }
    const known = this.files.get(key);
    const stamp = known?.version === undefined ? known?.disk : undefined;
    if (trustStamp && stamp && unchangedOnDisk(stamp, stat)) return;
    const release = await budget?.take(stat.size);
    try {
      const text = new TextDecoder('utf-8').decode(await readFileBytes(uri));
      // Hashed only to compare with a reading kept from before; the snapshot hashes the others when it is saved, after the scan.
      const hash = known && stamp ? await contentHash(text) : undefined;
      if (known && stamp && hash !== undefined && sameContent(stamp, hash) && this.files.get(key) === known) {
        known.disk = { size: stat.size, mtime: stat.mtime, hash };
        return;
      }
      const file = await this.read(uri, text, undefined, false);
      if (!file) {
        const newer = this.diskReads.get(key);
        if (newer && newer.id > id) await newer.done;
        return;
      }
      file.disk = { size: stat.size, mtime: stat.mtime, ...(hash !== undefined ? { hash } : {}) };
      this.store(file);
    } finally {
      release?.();
    }
  }

  /**
   * The last session's results, shown at once; undefined without a usable snapshot. In batches with the
   * thread given back between them, so that the listeners (the tree, diagnostics) never hold it long.
   * Files excluded since then are dropped when the scan lists the workspace.
   */
  private async restoreSnapshot(): Promise<Map<string, IndexedFile> | undefined> {
    const entries = await this.snapshot?.load();
    if (!entries?.length) return undefined;
    // Open documents are read from their live text, as always.
    const open = new Set(vscode.workspace.textDocuments.map((d) => d.uri.toString()));
    const restored = new Map<string, IndexedFile>();
    for (let start = 0; start < entries.length; start += RESTORE_BATCH) {
      if (start > 0) await giveBack();
      const batch: vscode.Uri[] = [];
      for (const entry of entries.slice(start, start + RESTORE_BATCH)) {
        if (this.files.has(entry.uri) || open.has(entry.uri)) continue;
        const file = indexedFile(vscode.Uri.parse(entry.uri), undefined, entry.text, entry.bank, entry.lint, { ...entry.disk });
        this.setFile(entry.uri, file);
        restored.set(entry.uri, file);
        batch.push(file.uri);
      }
      if (batch.length) this.changeEmitter.fire(batch);
    }
    return restored;
  }

  /** Forgets everything and reads the workspace again (the Refresh command). */
  refresh(): Promise<void> {
    this.rescan();
    return this.scan!;
  }

  private rescan(): void {
    this.scanSource?.cancel();
    this.scanSource?.dispose();
    this.watcher?.dispose();
    const removed = [...this.files.values()].map((f) => f.uri);
    this.files.clear();
    this.order = undefined;
    this.unshown.clear();
    if (removed.length) this.changeEmitter.fire(removed);
    this.scan = this.scanWorkspace(false);
  }

  /** `first`: the first scan of the session, which starts from the snapshot when there is one. */
  private async scanWorkspace(first: boolean): Promise<void> {
    this.scansRunning++;
    try {
      await this.readWorkspace(first ? await this.restoreSnapshot() : undefined);
    } finally {
      this.scansRunning--;
      // The tree drops its "still reading" state.
      this.changeEmitter.fire([]);
    }
  }

  private async readWorkspace(restored: Map<string, IndexedFile> | undefined): Promise<void> {
    const source = new vscode.CancellationTokenSource();
    this.scanSource = source;
    // Each workspace folder with its own include and exclude settings (scope `resource`).
    const folders = vscode.workspace.workspaceFolders ?? [];
    const watchers = folders.map((folder) => vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, includeGlob(folder))));
    for (const watcher of watchers) {
      watcher.onDidCreate((uri) => {
        this.deleted.delete(uri.toString());
        if (this.isIncluded(uri)) void this.readFromDisk(uri).catch(() => undefined);
      });
      watcher.onDidChange((uri) => this.isIncluded(uri) && void this.readFromDisk(uri).catch(() => undefined));
      watcher.onDidDelete((uri) => {
        this.deleted.add(uri.toString());
        this.remove(uri);
      });
    }
    this.watcher = vscode.Disposable.from(...watchers);
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'STAR Answers: reading story bank' }, async (progress) => {
      const uris: vscode.Uri[] = [];
      try {
        for (const folder of folders) {
          uris.push(...(await vscode.workspace.findFiles(new vscode.RelativePattern(folder, includeGlob(folder)), excludeGlob(folder.uri), undefined, source.token)));
        }
      } catch (error) {
        if (!source.token.isCancellationRequested) console.error('STAR Answers: could not list the story bank files:', error);
        return;
      }
      if (restored) {
        // Files of the last session that are gone (deleted, excluded now) leave the bank.
        const found = new Set(uris.map((u) => u.toString()));
        for (const [key, file] of restored) if (!found.has(key) && this.files.get(key) === file) this.remove(file.uri);
      }
      // Many files in flight: each read is a round trip through the window in a remote or browser workbench,
      // and the workers should never wait for one (four lanes kept the first scan of 1,200 files at 36 s or more).
      const budget = new ByteBudget(SCAN_BYTES_IN_FLIGHT);
      let done = 0;
      let next = 0;
      const report = () => progress.report({ message: `${done}/${uris.length} files` });
      report();
      const lane = async () => {
        while (next < uris.length && !source.token.isCancellationRequested) {
          const uri = uris[next++];
          try {
            await this.readFromDisk(uri, true, budget);
          } catch (error) {
            console.warn(`STAR Answers: skipped ${uri.toString()}:`, error);
            const stale = restored?.get(uri.toString());
            if (stale && this.files.get(uri.toString()) === stale) this.remove(uri); // the last session's result of a file that cannot be read now
          }
          done++;
          if (done % 10 === 0) report();
        }
      };
      await Promise.all(Array.from({ length: SCAN_LANES }, lane));
    });
  }

  dispose(): void {
    this.scanSource?.cancel();
    this.scanSource?.dispose();
    this.watcher?.dispose();
    for (const timer of this.timers.values()) clearTimeout(timer);
    vscode.Disposable.from(...this.disposables).dispose();
  }
}

/**
 * A reading from the worker's patch to the reading held here; undefined when they do not fit (then the whole reading
 * is asked for). In slices: typing near the top of a file of thousands of stories moves all of them.
 */
async function applyPatch(base: IndexedFile, answer: ParseResponse): Promise<{ bank: BankFile; findings?: WorkerFinding[] } | undefined> {
  const patch = answer.patch!;
  const bank = await runStepsSliced(applyBankPatchSteps(base.bank, patch));
  if (!bank) return undefined;
  if (!patch.findings) return { bank, ...(answer.findings ? { findings: answer.findings } : {}) };
  const findings = base.lint && applyFindingsPatch(base.lint.findings, patch);
  return findings ? { bank, findings } : undefined;
}

/** localeCompare's order, from one collator: localeCompare builds one per call, which made sorting 1,200 files take 100 ms and more. */
const uriOrder = lazyCollator();

/** Files read from disk and waiting for or in the worker at once during the scan, and their most bytes. */
const SCAN_LANES = 32;
const SCAN_BYTES_IN_FLIGHT = 8 * 1024 * 1024;
/** Files of the snapshot shown per change event. */
const RESTORE_BATCH = 100;

function emptyFile(uri: vscode.Uri, version: number | undefined, text: string): IndexedFile {
  return indexedFile(uri, version, text, { principles: [], hasStories: false });
}

function debounceMs(): number {
  return vscode.workspace.getConfiguration('starAnswers').get<number>('debounceMs', 300);
}

function includeGlob(folder: vscode.WorkspaceFolder): string {
  return vscode.workspace.getConfiguration('starAnswers', folder.uri).get<string>('include', '**/*.md');
}

/** The `starAnswers.exclude` globs that apply to a file or folder, as one glob; undefined when there are none. */
function excludeGlob(scope: vscode.Uri): string | undefined {
  const globs = vscode.workspace.getConfiguration('starAnswers', scope).get<string[]>('exclude', ['**/node_modules/**']);
  const valid = Array.isArray(globs) ? globs.filter((g) => typeof g === 'string' && g) : [];
  if (!valid.length) return undefined;
  return valid.length === 1 ? valid[0] : `{${valid.join(',')}}`;
}
