import { watch, type FSWatcher } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Files editors keep beside the one being edited (vim's .swp, Emacs's #lock# and backup~, a
 * hidden temporary written before a rename): their changes are not the writer's saves.
 */
export function isEditorScratch(name: string): boolean {
  const base = name.split(/[\\/]/).pop() ?? name;
  return /^\.|~$|\.sw[a-p]$|^#.*#$|^4913$/.test(base);
}

export interface WatchedFolder {
  path: string;
  /** Its subfolders too (an issue's img/ folder), found again after every change. */
  deep?: boolean;
}

export interface FolderWatch {
  /** Looks at the folders again (after the list of them changed). */
  resync(): Promise<void>;
  close(): void;
}

/**
 * Calls `onChange` once a burst of changes in the folders `folders()` names settles (an editor's save is often a
 * write, a rename and a chmod). Folders are watched, not files, so that a save that replaces
 * the file (write to a temporary name, rename over) is seen as well as one that writes in
 * place; a folder that does not exist yet is picked up when a change in its parent is seen.
 * The operating system reports changes (inotify, FSEvents): nothing polls, so an idle watch
 * costs no CPU.
 */
export async function watchFolders(folders: () => WatchedFolder[], onChange: () => void, settleMs = 15): Promise<FolderWatch> {
  const watchers = new Map<string, FSWatcher>();
  let timer: NodeJS.Timeout | undefined;
  let closed = false;

  const changed = (_event: string, name: string | Buffer | null): void => {
    if (closed || (typeof name === 'string' && isEditorScratch(name))) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      void sync().then(() => {
        if (!closed) onChange();
      });
    }, settleMs);
  };

  const add = (path: string): void => {
    if (watchers.has(path) || closed) return;
    try {
      const watcher = watch(path, { persistent: true }, changed);
      // A watched folder removed or renamed away: forget it; a later sync finds it if it comes back.
      watcher.on('error', () => {
        watcher.close();
        watchers.delete(path);
      });
      watchers.set(path, watcher);
    } catch {
      // Not there (yet), or not readable: nothing to watch.
    }
  };

  const subfolders = async (path: string): Promise<string[]> => {
    const entries = await readdir(path, { withFileTypes: true }).catch(() => []);
    const found: string[] = [];
    for (const entry of entries) {
      if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
      const child = join(path, entry.name);
      found.push(child, ...(await subfolders(child)));
    }
    return found;
  };

  const sync = async (): Promise<void> => {
    const wanted = new Set<string>();
    for (const folder of folders()) {
      wanted.add(folder.path);
      if (folder.deep) for (const child of await subfolders(folder.path)) wanted.add(child);
    }
    for (const [path, watcher] of watchers) {
      if (!wanted.has(path)) {
        watcher.close();
        watchers.delete(path);
      }
    }
    for (const path of wanted) add(path);
  };

  // Resolved once every folder is watched: a change made after that is seen.
  await sync();
  return {
    resync: sync,
    close() {
      closed = true;
      clearTimeout(timer);
      for (const watcher of watchers.values()) watcher.close();
      watchers.clear();
    },
  };
}
