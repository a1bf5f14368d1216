/**
 * What the editor's story index keeps across sessions: per file, its result and what tells whether the
 * file changed since. Plain data (JSON), no host API.
 */
import type { BankFile } from '../model';
import type { WorkerFinding } from '../worker/protocol';

/** Raise when the parser or the rules give other results for the same text, or when this format changes. */
export const SNAPSHOT_FORMAT = 1;

/** What makes every stored result stale: another extension version, another format or parser. */
export interface SnapshotHeader {
  format: number;
  extension: string;
  /** The lint settings key of each workspace folder (by folder uri) when the snapshot was written. */
  settings: Record<string, string>;
}

/** How the file was on disk when it was read: size and modification time (ms), and the hash of its text. */
export interface DiskStamp {
  /** -1 when unknown (the text came from an open document): the file is then checked by its hash. */
  size: number;
  mtime: number;
  hash: string;
}

export interface SnapshotEntry {
  uri: string;
  /** The workspace folder the file belongs to (its uri), whose lint settings its findings were made with. */
  folder: string;
  disk: DiskStamp;
  text: string;
  bank: BankFile;
  /** The worker's findings and the settings key they were linted with (absent for a file not read as a bank). */
  lint?: { settings: string; findings: WorkerFinding[] };
}
