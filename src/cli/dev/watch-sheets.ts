// Watches the policy-sheets folder for `npm run dev`: every change is collected until the folder has
// been quiet for `debounceMs` — a spreadsheet's save is several writes and a rename — and then handed
// over as one batch. Batches run one after another, never overlapping, so two quick saves cannot race.
//
// One plain (non-recursive) watcher per folder — the root, each brand folder and _shared — rather than
// fs.watch's `recursive` option: on Linux, Node 20's recursive watcher stops reporting a file once an
// editor has saved it by replacing it (write a temporary file, rename it over: sed -i, LibreOffice),
// while a folder's own watcher reports every later save. Sheets sit directly in their folder, so one
// level is all there is; folders added or removed under the root are watched or dropped as they come.

import { type FSWatcher, readdirSync, watch } from 'node:fs';
import { join } from 'node:path';

export interface SheetWatcherOptions {
  root: string;
  /** Quiet time after the last change before a batch runs. */
  debounceMs: number;
  /** Handles one batch of changed paths (relative to root, `/`-separated); its failures are reported, never fatal. */
  onBatch: (paths: string[]) => Promise<void>;
  out: (line: string) => void;
}

export interface SheetWatcher {
  /** Resolves once no change is waiting and no batch is running. */
  idle(): Promise<void>;
  close(): void;
}

const subfolders = (root: string): string[] => {
  try {
    return readdirSync(root, { withFileTypes: true })
      .filter((d) => d.isDirectory() && !d.name.startsWith('.'))
      .map((d) => d.name);
  } catch {
    return [];
  }
};

export function watchSheets(options: SheetWatcherOptions): SheetWatcher {
  const pending = new Set<string>();
  const folders = new Map<string, FSWatcher>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> = Promise.resolve();

  const flush = () => {
    timer = undefined;
    const paths = [...pending];
    pending.clear();
    running = running.then(() => options.onBatch(paths)).catch((error: Error) => options.out(`✗ re-check failed: ${error.message}`));
  };
  const changed = (path: string) => {
    pending.add(path);
    clearTimeout(timer);
    timer = setTimeout(flush, options.debounceMs);
  };
  const listen = (dir: string, onChange: (name: string) => void): FSWatcher => {
    const watcher = watch(dir, (_event, name) => {
      if (name) onChange(name.toString());
    });
    watcher.on('error', (error) => options.out(`✗ watching ${dir} failed: ${error.message}`));
    return watcher;
  };
  /** Watches the folders that exist now and forgets the ones that went. */
  const syncFolders = () => {
    const now = new Set(subfolders(options.root));
    for (const [name, watcher] of folders)
      if (!now.has(name)) {
        watcher.close();
        folders.delete(name);
      }
    for (const name of now) {
      if (folders.has(name)) continue;
      try {
        folders.set(
          name,
          listen(join(options.root, name), (file) => changed(`${name}/${file}`)),
        );
      } catch {
        /* gone again: the next sync drops it */
      }
    }
  };
  const rootWatcher = listen(options.root, (name) => {
    syncFolders();
    changed(name);
  });
  syncFolders();

  return {
    async idle() {
      for (;;) {
        const current = running;
        await current;
        if (timer === undefined && current === running) return;
        await new Promise((resolve) => setTimeout(resolve, options.debounceMs));
      }
    },
    close() {
      clearTimeout(timer);
      rootWatcher.close();
      for (const watcher of folders.values()) watcher.close();
      folders.clear();
    },
  };
}
