/** A worker thread of ./read-pages.ts: imports the page files of each message it gets. */
import { parentPort } from 'node:worker_threads';
import { importPageFile } from './import-page-file.ts';

parentPort!.on('message', ({ id, files }: { id: number; files: string[] }) => {
  parentPort!.postMessage({ id, results: files.map(importPageFile) });
});
