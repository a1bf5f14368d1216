import * as vscode from 'vscode';
import { decodeSnapshot, encodeSnapshot } from '../../core/snapshot/codec';
import { contentHash, staleReason, usableEntries, type SnapshotKey } from '../../core/snapshot/freshness';
import { SNAPSHOT_FORMAT, type SnapshotEntry, type SnapshotHeader } from '../../core/snapshot/types';
import { lintSettings } from './lintSettings';
import type { IndexedFile } from './storyIndex';

/**
 * The largest snapshot kept (stored bytes, gzipped). It is read whole into the extension host's memory
 * before anything in it can be shown, and it sits in the user's profile (IndexedDB on the web); past
 * this size a fresh scan in the worker is the better deal. Gzipped JSON takes about 1.5 bytes a byte of
 * a bank in the seed's format, so this holds banks of about 20 MB, the largest the issue measures.
 */
export const MAX_SNAPSHOT_BYTES = 32 * 1024 * 1024;

/** Changes are saved once the index has been quiet this long (typing in a saved file, files changed on disk). */
const SAVE_DELAY_MS = 5_000;

const FILE_NAME = 'story-index.snapshot';

/** What the snapshot reads of the story index. */
export interface SnapshotSource {
  all(): IndexedFile[];
  readonly scanning: boolean;
  readonly onDidChange: vscode.Event<vscode.Uri[]>;
}

/**
 * The story index of the last session, in the extension's workspace storage, so that reopening a big
 * workspace shows the Story Bank at once and re-reads only the files that changed. Read once, when the
 * index starts its first scan; written after that scan, a while after later changes, and on dispose.
 * Only through `vscode.workspace.fs`, so it works on the web too. A snapshot that cannot be read is
 * ignored (and logged): the index then reads the workspace as if there were none.
 */
export class IndexSnapshot {
  private saving: Promise<void> = Promise.resolve();
  /** What the stored snapshot holds, to skip writing the same again. */
  private written = '';

  static forContext(context: vscode.ExtensionContext): IndexSnapshot | undefined {
    if (!context.storageUri) return undefined; // no folder open: nothing to remember it by
    return new IndexSnapshot(context.storageUri, String(context.extension.packageJSON.version ?? 'unknown'));
  }

  constructor(
    private readonly storage: vscode.Uri,
    private readonly extensionVersion: string,
    private readonly options: { saveDelayMs?: number; maxBytes?: number; log?: (message: string) => void } = {},
  ) {}

  get uri(): vscode.Uri {
    return vscode.Uri.joinPath(this.storage, FILE_NAME);
  }

  /** The entries still valid for this version and the folders' settings of now; none when there is no usable snapshot. */
  async load(): Promise<SnapshotEntry[]> {
    let bytes: Uint8Array;
    try {
      const stat = await vscode.workspace.fs.stat(this.uri);
      if (stat.size > this.maxBytes) {
        this.log(`the index snapshot was not read: ${stat.size} bytes, over the limit of ${this.maxBytes}`);
        return [];
      }
      bytes = await vscode.workspace.fs.readFile(this.uri);
    } catch (error) {
      if (!(error instanceof vscode.FileSystemError && error.code === 'FileNotFound')) this.log(`the index snapshot could not be read: ${describe(error)}`);
      return [];
    }
    try {
      const { header, entries } = await decodeSnapshot(bytes);
      const key = this.key();
      const stale = staleReason(header, key);
      if (stale) {
        this.log(`the index snapshot was set aside: ${stale}`);
        return [];
      }
      const usable = usableEntries(header, entries, key);
      this.written = signature(usable);
      return usable;
    } catch (error) {
      this.log(`the index snapshot was ignored: ${describe(error)}`);
      return [];
    }
  }

  /** Saves the index after its scans and a while after its changes (not while a document is being typed in), and once more on dispose. */
  track(index: SnapshotSource): vscode.Disposable {
    let timer: ReturnType<typeof setTimeout> | undefined;
    /** Something worth keeping changed since the last save. */
    let changed = false;
    const saveNow = () => {
      clearTimeout(timer);
      timer = undefined;
      changed = false;
      void this.save(index);
    };
    const subscription = index.onDidChange((uris) => {
      if (uris.length === 0) {
        if (!index.scanning) saveNow(); // a scan ended
        return;
      }
      // An unsaved document is not kept: its change alone is nothing to save.
      const dirty = new Set(vscode.workspace.textDocuments.filter((d) => d.isDirty).map((d) => d.uri.toString()));
      if (!uris.some((u) => !dirty.has(u.toString()))) return;
      changed = true;
      if (index.scanning) return; // saved when the scan ends
      clearTimeout(timer);
      timer = setTimeout(saveNow, this.options.saveDelayMs ?? SAVE_DELAY_MS);
    });
    return {
      dispose: () => {
        subscription.dispose();
        clearTimeout(timer);
        // Not awaited: closing the window does not wait for it (the old snapshot stays whole until the rename).
        // A scan cut short is kept too: its files need not be parsed again next time.
        if (changed) void this.save(index);
      },
    };
  }

  /** Writes the index's files now (after any write under way); resolves when written or skipped. */
  save(index: Pick<SnapshotSource, 'all'>): Promise<void> {
    const files = index.all(); // taken now: the index may be disposed before the write starts
    this.saving = this.saving.then(() => this.write(files)).catch((error) => this.log(`the index snapshot could not be saved: ${describe(error)}`));
    return this.saving;
  }

  private async write(files: IndexedFile[]): Promise<void> {
    const key = this.key();
    const entries = await entriesOf(files, key);
    const written = signature(entries);
    if (written === this.written) return;
    const header: SnapshotHeader = { format: SNAPSHOT_FORMAT, extension: this.extensionVersion, settings: key.settings };
    const bytes = await encodeSnapshot(header, entries, { maxBytes: this.maxBytes });
    if (!bytes) {
      this.log(`the index snapshot was not saved: the bank is too large to keep (over ${this.maxBytes} bytes)`);
      await vscode.workspace.fs.delete(this.uri).then(undefined, () => undefined);
      this.written = '';
      return;
    }
    await vscode.workspace.fs.createDirectory(this.storage);
    // Written beside it, then renamed: a window closed mid-write leaves the old snapshot whole.
    const temporary = vscode.Uri.joinPath(this.storage, `${FILE_NAME}.tmp`);
    await vscode.workspace.fs.writeFile(temporary, bytes);
    await vscode.workspace.fs.rename(temporary, this.uri, { overwrite: true });
    this.written = written;
  }

  private key(): SnapshotKey {
    const settings: Record<string, string> = {};
    for (const folder of vscode.workspace.workspaceFolders ?? []) settings[folder.uri.toString()] = lintSettings(folder.uri).key;
    return { extension: this.extensionVersion, settings };
  }

  private get maxBytes(): number {
    return this.options.maxBytes ?? MAX_SNAPSHOT_BYTES;
  }

  private log(message: string): void {
    (this.options.log ?? ((m: string) => console.warn(`STAR Answers: ${m}`)))(message);
  }
}

/**
 * What can be kept of the index's files: those of a workspace folder, read from disk or from a saved
 * document (then checked by hash next time), linted with the folder's settings of now.
 */
async function entriesOf(files: IndexedFile[], key: SnapshotKey): Promise<SnapshotEntry[]> {
  const entries: SnapshotEntry[] = [];
  const documents = new Map(vscode.workspace.textDocuments.map((d) => [d.uri.toString(), d]));
  for (const file of files) {
    const folder = vscode.workspace.getWorkspaceFolder(file.uri)?.uri.toString();
    if (!folder || file.uri.scheme === 'untitled') continue;
    if (file.lint && file.lint.settings !== key.settings[folder]) continue; // being linted again with new settings
    let disk: SnapshotEntry['disk'];
    if (file.version === undefined && file.disk) {
      file.disk.hash ||= await contentHash(file.text);
      disk = { size: file.disk.size, mtime: file.disk.mtime, hash: file.disk.hash };
    } else {
      const document = documents.get(file.uri.toString());
      if (!document || document.isDirty || document.version !== file.version) continue;
      disk = { size: -1, mtime: -1, hash: await contentHash(file.text) };
    }
    entries.push({ uri: file.uri.toString(), folder, disk, text: file.text, bank: file.bank, ...(file.lint ? { lint: file.lint } : {}) });
  }
  return entries;
}

/** Tells two snapshots apart without serializing them: the same stamps give the same results. */
function signature(entries: readonly SnapshotEntry[]): string {
  return entries.map((e) => `${e.uri} ${e.disk.size} ${e.disk.mtime} ${e.disk.hash} ${e.lint?.settings ?? ''}`).join('\n');
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
