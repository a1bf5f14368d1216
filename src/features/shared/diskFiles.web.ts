import * as vscode from 'vscode';

// The same exports as diskFiles.ts for the web build (scripts/build.mjs takes this file there): no Node, every file
// through `vscode.workspace.fs`.

export interface DiskStat {
  size: number;
  mtime: number;
}

export const statOnDisk = (uri: vscode.Uri): Thenable<DiskStat> => vscode.workspace.fs.stat(uri);
export const readFileBytes = (uri: vscode.Uri): Thenable<Uint8Array> => vscode.workspace.fs.readFile(uri);
