import type { HttpRequest, HttpResponse } from '@bluezone/api';
import type {
  BluetoothState,
  BluetoothStatePort,
  HttpPort,
  Notifier,
  WarningNotification,
} from '../ports/platform.js';

/** Collects notifications. */
export class MemoryNotifier implements Notifier {
  readonly shown: WarningNotification[] = [];

  async notify(notification: WarningNotification): Promise<void> {
    this.shown.push(notification);
  }
}

/** Bluetooth whose state a test sets. */
export class MemoryBluetooth implements BluetoothStatePort {
  constructor(public current: BluetoothState = 'on') {}

  async state(): Promise<BluetoothState> {
    return this.current;
  }
}

/** A handler answers a request, or returns undefined for 404. */
export type MemoryRoute = (
  request: HttpRequest,
) => HttpResponse | undefined | Promise<HttpResponse | undefined>;

/**
 * An HTTP port served from memory: static bodies by URL, or a handler. Records every request; with
 * `offline` set it rejects like a phone without network.
 */
export class MemoryHttp implements HttpPort {
  readonly requests: HttpRequest[] = [];
  readonly files = new Map<string, string | Uint8Array>();
  offline = false;

  constructor(private readonly handler?: MemoryRoute) {}

  async request(request: HttpRequest): Promise<HttpResponse> {
    if (this.offline) throw new Error('network unreachable');
    this.requests.push(request);
    const file = this.files.get(request.url);
    if (request.method === 'GET' && file !== undefined) return { status: 200, headers: {}, body: file };
    const answer = await this.handler?.(request);
    return answer ?? { status: 404, headers: {}, body: '{"error":"no such route","errorCode":"not_found"}' };
  }

  /** URLs requested so far, as `METHOD url`. */
  log(): string[] {
    return this.requests.map((r) => `${r.method} ${r.url}`);
  }
}
