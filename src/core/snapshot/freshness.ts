/**
 * Which stored results of a snapshot can be used, and for each file whether it must be read again.
 * Pure decisions: the editor's glue does the stat, the read and the parse.
 */
import { SNAPSHOT_FORMAT, type DiskStamp, type SnapshotEntry, type SnapshotHeader } from './types';

export interface SnapshotKey {
  extension: string;
  /** The lint settings key of each workspace folder of now, by folder uri. */
  settings: Record<string, string>;
}

/** Why a whole snapshot cannot be used, or undefined when it can. */
export function staleReason(header: SnapshotHeader, key: SnapshotKey): string | undefined {
  if (header.format !== SNAPSHOT_FORMAT) return `it has format ${header.format}, this extension reads ${SNAPSHOT_FORMAT}`;
  if (header.extension !== key.extension) return `it was written by version ${header.extension}, this is ${key.extension}`;
  return undefined;
}

/**
 * The entries still valid under `key`: those of folders that are still open and whose lint settings are
 * those the snapshot was written with (findings made with other settings would be wrong).
 */
export function usableEntries(header: SnapshotHeader, entries: readonly SnapshotEntry[], key: SnapshotKey): SnapshotEntry[] {
  if (staleReason(header, key)) return [];
  return entries.filter((e) => {
    const now = key.settings[e.folder];
    return now !== undefined && header.settings[e.folder] === now && (!e.lint || e.lint.settings === now);
  });
}

/** Same size and modification time: the file is taken as unchanged without reading it. */
export function unchangedOnDisk(stored: Pick<DiskStamp, 'size' | 'mtime'>, stat: { size: number; mtime: number }): boolean {
  return stored.size >= 0 && stored.size === stat.size && stored.mtime === stat.mtime;
}

/** After reading a file whose stamp changed: the same text (by hash) keeps the stored result. */
export function sameContent(stored: { hash?: string }, hash: string): boolean {
  return !!stored.hash && stored.hash === hash;
}

/** SHA-256 of the text's UTF-8, in hex; '' where the host has no Web Crypto (then nothing matches by hash). */
export async function contentHash(text: string): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return '';
  const digest = new Uint8Array(await subtle.digest('SHA-256', new TextEncoder().encode(text)));
  let hex = '';
  for (const byte of digest) hex += byte.toString(16).padStart(2, '0');
  return hex;
}
