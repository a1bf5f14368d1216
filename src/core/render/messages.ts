/**
 * The messages between the extension and the preview webview, shared by both sides. Everything that
 * arrives from the other side is checked by a guard below before anyone acts on it.
 */

export const PREVIEW_VIEW_TYPE = 'starAnswers.preview';

/** Extension → webview. */
export type HostMessage =
  /** New content for the preview's body (already sanitized HTML) of a document version. */
  | { type: 'update'; html: string; version: number; resource: string; locked: boolean }
  /**
   * After an edit: only the stories that changed (replaced in place by id), the lines of everything else
   * moved by `shift`. It applies on top of version `base` only; a webview showing another asks for an update.
   */
  | { type: 'patch'; version: number; base: number; resource: string; shift: { after: number; delta: number }; stories: { id: string; html: string }[] }
  /** Scroll to a story (the one under the editor's cursor), open it unless practising, mark it as current. */
  | { type: 'focusStory'; id: string };

/** Webview → extension. */
export type WebviewMessage =
  /** The script is up; the extension answers with an update. */
  | { type: 'ready' }
  /** An update of this version of this document (a URI string) is on screen; `touched`: the stories it redrew (all for a whole update). */
  | { type: 'rendered'; version: number; resource: string; touched?: string[] }
  /** "Go to source": move the editor to a 0-based line. */
  | { type: 'reveal'; line: number }
  /** The story under the cursor is in view (and open, outside practice). */
  | { type: 'focused'; id: string };

/** What the webview keeps with vscode.setState and the serializer restores after a reload. */
export interface PreviewState {
  /** The document shown, as a URI string. */
  resource: string;
  locked: boolean;
  /** Ids of the open stories. */
  open: string[];
  scrollY: number;
  practice: boolean;
  /** Ids of the sections shown in practice mode ("<story id>/<kind>"). */
  revealed: string[];
}

const MAX_ID = 64;
const MAX_IDS = 10_000;
const ID = /^[A-Za-z0-9_/-]{1,64}$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isNonNegativeInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

export function isStoryId(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_ID && ID.test(value);
}

function isIdList(value: unknown): value is string[] {
  return Array.isArray(value) && value.length <= MAX_IDS && value.every(isStoryId);
}

/** A preview state, or undefined when `value` is not one (a reload may hand back anything). */
export function parsePreviewState(value: unknown): PreviewState | undefined {
  if (!isRecord(value)) return undefined;
  const { resource, locked, open, scrollY, practice, revealed } = value;
  if (typeof resource !== 'string' || resource.length === 0 || resource.length > 4096) return undefined;
  if (typeof locked !== 'boolean' || typeof practice !== 'boolean') return undefined;
  if (!isIdList(open) || !isIdList(revealed)) return undefined;
  if (typeof scrollY !== 'number' || !Number.isFinite(scrollY) || scrollY < 0) return undefined;
  return { resource, locked, open: [...open], scrollY, practice, revealed: [...revealed] };
}

/** Checks a message from the webview; unknown types, extra junk in known fields and bad values are rejected. */
export function parseWebviewMessage(value: unknown): WebviewMessage | undefined {
  if (!isRecord(value)) return undefined;
  switch (value.type) {
    case 'ready':
      return { type: 'ready' };
    case 'rendered':
      if (!isNonNegativeInteger(value.version) || typeof value.resource !== 'string' || value.resource.length > 4096) return undefined;
      if (value.touched === undefined) return { type: 'rendered', version: value.version, resource: value.resource };
      return isIdList(value.touched) ? { type: 'rendered', version: value.version, resource: value.resource, touched: [...value.touched] } : undefined;
    case 'reveal':
      return isNonNegativeInteger(value.line) ? { type: 'reveal', line: value.line } : undefined;
    case 'focused':
      return isStoryId(value.id) ? { type: 'focused', id: value.id } : undefined;
    default:
      return undefined;
  }
}

/** Checks a message from the extension (the webview trusts nothing either). */
export function parseHostMessage(value: unknown): HostMessage | undefined {
  if (!isRecord(value)) return undefined;
  switch (value.type) {
    case 'update':
      return typeof value.html === 'string' && typeof value.resource === 'string' && typeof value.locked === 'boolean' && isNonNegativeInteger(value.version)
        ? { type: 'update', html: value.html, version: value.version, resource: value.resource, locked: value.locked }
        : undefined;
    case 'focusStory':
      return isStoryId(value.id) ? { type: 'focusStory', id: value.id } : undefined;
    case 'patch': {
      const { version, base, resource, shift, stories } = value;
      if (!isNonNegativeInteger(version) || !isNonNegativeInteger(base) || typeof resource !== 'string' || !isRecord(shift) || !Array.isArray(stories) || stories.length > MAX_IDS) return undefined;
      if (!isNonNegativeInteger(shift.after) || typeof shift.delta !== 'number' || !Number.isSafeInteger(shift.delta)) return undefined;
      if (!stories.every((s) => isRecord(s) && isStoryId(s.id) && typeof s.html === 'string')) return undefined;
      return { type: 'patch', version, base, resource, shift: { after: shift.after, delta: shift.delta }, stories: (stories as { id: string; html: string }[]).map((s) => ({ id: s.id, html: s.html })) };
    }
    default:
      return undefined;
  }
}
