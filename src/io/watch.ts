import { watch, type FSWatcher } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, sep } from 'node:path';

/**
 * Files editors keep beside the one being edited, or write before renaming over it: their
 * changes are not the writer's saves, and the rename that follows is. Hidden files (vim's
 * .x.swp, Emacs's .#x lock, Kate's .x.kate-swp, GIO's .goutputstream-*), backups (x~), vim's
 * 4913 probe and .sw? swap files, Emacs's #x# auto-save, a temporary written beside (x.tmp,
 * x.temp, x.saving), JetBrains' safe write (x___jb_tmp___, x___jb_old___) and Chromium's
 * x.crswap. No fragment, template, image or config file ends that way.
 */
export function isEditorScratch(name: string): boolean {
  const base = name.split(/[\\/]/).pop() ?? name;
  return /^\.|~$|\.sw[a-p]$|^#.*#$|^4913$/.test(base) || /\.(?:tmp|temp|saving|crswap)$|___jb_(?:tmp|old)___$/i.test(base);
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
  /** Folders a change was seen in since the last settle: only these are looked at again. */
  const touched = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let closed = false;

  const changedIn =
    (folder: string) =>
    (_event: string, name: string | Buffer | null): void => {
      if (closed || (typeof name === 'string' && isEditorScratch(name))) return;
      touched.add(folder);
      clearTimeout(timer);
      timer = setTimeout(() => {
        const seen = [...touched];
        touched.clear();
        void refresh(seen).then(() => {
          if (!closed) onChange();
        });
      }, settleMs);
    };

  const add = (path: string): void => {
    if (watchers.has(path) || closed || watchers.size >= MAX_WATCHED_FOLDERS) return;
    try {
      const watcher = watch(path, { persistent: true }, changedIn(path));
      // A watched folder removed or renamed away: forget it; a later change finds it if it comes back.
      watcher.on('error', () => {
        watcher.close();
        watchers.delete(path);
      });
      watchers.set(path, watcher);
    } catch {
      // Not there (yet), or not readable: nothing to watch.
    }
  };

  /** The subfolders of a folder, at most as many as may be watched, hidden ones left out. */
  const subfolders = async (path: string, found: string[] = []): Promise<string[]> => {
    const entries = await readdir(path, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      if (found.length >= MAX_WATCHED_FOLDERS) break;
      if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
      const child = join(path, entry.name);
      found.push(child);
      await subfolders(child, found);
    }
    return found;
  };

  const isDeep = (path: string): boolean => folders().some((f) => f.deep && (path === f.path || path.startsWith(`${f.path}${sep}`)));

  /** Every folder named, and the subfolders of the deep ones: at the start, and when the list of folders changes. */
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

  /**
   * After a save: only the folders it happened in are read again, for a subfolder made since
   * (an issue's new img/), so that a save costs the same however large sections/ grows.
   */
  const refresh = async (seen: string[]): Promise<void> => {
    for (const folder of folders()) add(folder.path);
    for (const path of seen) {
      if (!isDeep(path)) continue;
      for (const child of await subfolders(path)) add(child);
    }
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

/** A workspace has a folder or two per issue; past this many, a tree is not a workspace's and is not watched further. */
const MAX_WATCHED_FOLDERS = 2000;
