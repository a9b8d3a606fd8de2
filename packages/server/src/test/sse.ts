/**
 * A live stream as a browser's EventSource reads it, for tests: opened over a
 * real socket, parsed into events as they arrive, closed by the test or by
 * the server (a stream the server ends reports `ended`).
 */
export interface SseEvent {
  id: number;
  event: string;
  data: Record<string, unknown>;
}

export class SseReader {
  readonly events: SseEvent[] = [];
  ended = false;
  status = 0;
  private controller = new AbortController();
  private reading: Promise<void> = Promise.resolve();

  static async open(url: string, headers: Record<string, string> = {}) {
    const reader = new SseReader();
    const res = await fetch(url, { headers, signal: reader.controller.signal });
    reader.status = res.status;
    if (res.ok && res.body) reader.reading = reader.read(res.body);
    else reader.ended = true;
    return reader;
  }

  private async read(body: ReadableStream<Uint8Array>) {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of body) {
        buffer += decoder.decode(chunk, { stream: true });
        let end = buffer.indexOf('\n\n');
        while (end >= 0) {
          this.parse(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
          end = buffer.indexOf('\n\n');
        }
      }
    } catch {
      // Aborted by the test.
    }
    this.ended = true;
  }

  private parse(block: string) {
    const field = (name: string) =>
      block
        .split('\n')
        .find((l) => l.startsWith(`${name}: `))
        ?.slice(name.length + 2);
    const id = field('id');
    if (id) this.events.push({ id: Number(id), event: field('event') ?? '', data: JSON.parse(field('data') ?? '{}') });
  }

  /** Waits until `until` holds (true) or the time runs out (false). */
  async waitFor(until: (events: SseEvent[]) => boolean, ms = 10_000): Promise<boolean> {
    const deadline = Date.now() + ms;
    while (!until(this.events)) {
      if (Date.now() > deadline || this.ended) return until(this.events);
      await new Promise((r) => setTimeout(r, 20));
    }
    return true;
  }

  async close() {
    this.controller.abort();
    await this.reading;
  }
}

/** The Cookie header of a signed-in test client. */
export const cookieOf = (client: { cookies: Record<string, string> }) =>
  Object.entries(client.cookies)
    .map(([k, v]) => `${k}=${v}`)
    .join('; ');
