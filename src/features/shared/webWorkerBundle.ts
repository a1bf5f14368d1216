// dist/web/worker.js on the web: started as the parse worker, and evaluated on first use as the library of
// the renderer and the completion probes (see src/worker/web.ts). Web build only.
import * as vscode from 'vscode';
import type { WorkerEndpoint } from '../../core/worker/protocol';
import { endpointOnThisThread } from '../../worker/onThisThread';
import type { WebWorkerScript } from '../../worker/spawnWeb';
import type * as WorkerBundle from '../../worker/web';

export type WorkerLibrary = typeof WorkerBundle;

/**
 * The bundle is fetched once and workers start from a blob: URL of its text. Not from its own address:
 * VS Code's web worker extension host refuses `new Worker()` on a vscode-remote: URI (an extension
 * installed on a server, as in code-server) and turns file: into an address only the desktop serves,
 * while its fetch() reads the extension's files whatever their scheme, as it does for the extension's
 * main file. A blob: worker is allowed by the host's Content Security Policy (child-src blob:).
 */
export class WebWorkerBundle implements WebWorkerScript, vscode.Disposable {
  private text: Promise<string> | undefined;
  private objectUrl: Promise<string> | undefined;
  private loaded: WorkerLibrary | undefined;
  private fallbackReported = false;

  constructor(readonly uri: vscode.Uri) {}

  url(): Promise<string> {
    return (this.objectUrl ??= this.source().then((text) => URL.createObjectURL(new Blob([text], { type: 'text/javascript' }))));
  }

  /** The renderer and the completion probes, evaluated on this thread on first use. */
  async library(): Promise<WorkerLibrary> {
    if (this.loaded) return this.loaded;
    const text = await this.source();
    // The bundle is an IIFE that assigns `starAnswersWorker`; STAR_ANSWERS_LIBRARY keeps it from listening for messages.
    const evaluate = new Function('STAR_ANSWERS_LIBRARY', `${text}\nreturn starAnswersWorker;\n//# sourceURL=${this.uri.toString(true)}`) as (library: boolean) => WorkerLibrary;
    return (this.loaded ??= evaluate(true));
  }

  async onThisThread(reason: string): Promise<WorkerEndpoint> {
    if (!this.fallbackReported) {
      this.fallbackReported = true;
      console.warn(`STAR Answers: story files are read on the extension host's thread, without a time budget: no Web Worker could be started (${reason}).`);
    }
    const library = await this.library();
    return endpointOnThisThread(() => library.createRequestHandler());
  }

  dispose(): void {
    void this.objectUrl?.then((url) => URL.revokeObjectURL(url), () => undefined);
  }

  private source(): Promise<string> {
    this.text ??= fetch(this.uri.toString(true)).then(async (response) => {
      if (!response.ok) throw new Error(`could not load ${this.uri.toString(true)}: ${response.status} ${response.statusText}`);
      return response.text();
    });
    // A failed fetch is tried again on the next call.
    this.text.catch(() => (this.text = undefined));
    return this.text;
  }
}

let bundle: WebWorkerBundle | undefined;

/** Called once at activation (src/features/shared/parserHost.web.ts) with the extension's location. */
export function useWebWorkerBundle(extensionUri: vscode.Uri): WebWorkerBundle {
  bundle = new WebWorkerBundle(vscode.Uri.joinPath(extensionUri, 'dist', 'web', 'worker.js'));
  return bundle;
}

export function webWorkerBundle(): WebWorkerBundle {
  if (!bundle) throw new Error('STAR Answers: the web worker bundle is used before activation');
  return bundle;
}
