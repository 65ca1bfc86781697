// @ts-check
// JavaScript, not TypeScript, on purpose: a thread that loads a .ts file loads Node's type stripper
// into its own isolate first, about 10 MB of resident memory for these few lines (ADR 0024).
import { parentPort } from 'node:worker_threads';
import SQLite from 'better-sqlite3';

/**
 * A thread of its own that checkpoints an SQLite file's write-ahead log (database.ts starts it once the
 * log has grown). A checkpoint copies the log into the database file and waits for the disk (fsync);
 * left to the writing connection, that wait stalls the process's one thread — every request and every
 * ERP call with it — once per megabytes written. PASSIVE never blocks the writer, nor waits for it.
 */
const [file = '', everyMs = '250'] = process.argv.slice(2);
const db = new SQLite(file, { fileMustExist: true });
const timer = setInterval(() => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch {
    // busy or closing: the next round tries again
  }
}, Number(everyMs));
parentPort?.once('message', () => {
  clearInterval(timer);
  db.close();
  parentPort?.close();
});
