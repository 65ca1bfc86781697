import { parentPort, workerData } from 'node:worker_threads';
import SQLite from 'better-sqlite3';

/**
 * A thread of its own that checkpoints an SQLite file's write-ahead log (database.ts starts it once the
 * log has grown). A checkpoint copies the log into the database file and waits for the disk (fsync);
 * left to the writing connection, that wait stalls the process's one thread — every request and every
 * ERP call with it — once per megabytes written. PASSIVE never blocks the writer, nor waits for it.
 */
const { file, everyMs } = workerData as { file: string; everyMs: number };
const db = new SQLite(file);
const timer = setInterval(() => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch {
    // busy or closing: the next round tries again
  }
}, everyMs);
parentPort?.once('message', () => {
  clearInterval(timer);
  db.close();
  parentPort?.close();
});
