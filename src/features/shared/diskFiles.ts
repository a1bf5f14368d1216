import { promises as fs } from 'node:fs';
import * as vscode from 'vscode';

/** What the index needs of a file on disk: its size and modification time (ms, as `vscode.FileStat` has them). */
export interface DiskStat {
  size: number;
  mtime: number;
}

/*
 * On the desktop (and in a remote extension host, which runs where the files are), files of the `file` scheme are
 * read with Node's fs. Each call of `vscode.workspace.fs` asks the window first whether the scheme's provider is
 * activated: a round trip per stat and per read, 2,400 messages for a scan of 1,200 files, each of which a remote
 * extension host compresses for the websocket on its own thread. Other schemes (virtual workspaces) go through
 * `vscode.workspace.fs`. The web build takes diskFiles.web.ts.
 */

export async function statOnDisk(uri: vscode.Uri): Promise<DiskStat> {
  if (uri.scheme !== 'file') return vscode.workspace.fs.stat(uri);
  const stat = await fs.stat(uri.fsPath);
  // vscode.workspace.fs gives the Date's milliseconds: the same figure, so that a stamp kept by either still matches.
  return { size: stat.size, mtime: stat.mtime.getTime() };
}

export async function readFileBytes(uri: vscode.Uri): Promise<Uint8Array> {
  if (uri.scheme !== 'file') return vscode.workspace.fs.readFile(uri);
  return fs.readFile(uri.fsPath);
}
