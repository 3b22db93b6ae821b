import type { DownloadOutcome, SyncProgress } from '@bluezone/device';
import type { SyncReply, SyncRequest } from './sync-messages.js';

/** A finished pass of the worker. */
export interface WorkerSync {
  readonly outcome: DownloadOutcome;
  readonly workerMs: number;
}

/**
 * The page's side of the sync worker: one dedicated module worker, one pass at a time, progress and
 * the outcome by messages. Where the browser has no module workers the caller syncs on its own thread.
 */
export class SyncWorker {
  private readonly worker: Worker;
  private nextId = 1;
  private readonly waiting = new Map<
    number,
    { resolve(sync: WorkerSync): void; reject(error: Error): void; onProgress(p: SyncProgress): void }
  >();

  private constructor() {
    this.worker = new Worker(new URL('./sync-worker.ts', import.meta.url), { type: 'module' });
    this.worker.onmessage = (event: MessageEvent<SyncReply>) => this.received(event.data);
    this.worker.onerror = (event) => this.failAll(new Error(event.message || 'sync worker error'));
  }

  /** The worker, or undefined where the browser has none. */
  static open(): SyncWorker | undefined {
    if (typeof Worker === 'undefined') return undefined;
    try {
      return new SyncWorker();
    } catch {
      return undefined;
    }
  }

  download(
    request: Omit<SyncRequest, 'type' | 'id'>,
    onProgress: (p: SyncProgress) => void,
  ): Promise<WorkerSync> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject, onProgress });
      this.worker.postMessage({ ...request, type: 'sync', id } satisfies SyncRequest);
    });
  }

  terminate(): void {
    this.worker.terminate();
    this.failAll(new Error('sync worker stopped'));
  }

  private received(reply: SyncReply): void {
    const pending = this.waiting.get(reply.id);
    if (pending === undefined) return;
    if (reply.type === 'progress') {
      pending.onProgress(reply.progress);
      return;
    }
    this.waiting.delete(reply.id);
    if (reply.type === 'done') pending.resolve({ outcome: reply.outcome, workerMs: reply.workerMs });
    else pending.reject(new Error(reply.message));
  }

  private failAll(error: Error): void {
    for (const pending of this.waiting.values()) pending.reject(error);
    this.waiting.clear();
  }
}
