/**
 * Server-sent events read by hand: EventSource cannot send the phone's header, so the room's stream is read
 * with fetch() and fed here chunk by chunk. Lines are `field: value`; a blank line ends an event; `id:` is
 * remembered for Last-Event-ID on the next connection; `:` lines are comments (keep-alives).
 */

export interface SseEvent {
  /** `message` when the server named none. */
  event: string;
  data: string;
  id: string | null;
}

/** Feeds text as it arrives (any split, CRLF or LF); calls `onEvent` for each complete event. */
export function createSseParser(onEvent: (e: SseEvent) => void) {
  let buffer = '';
  let event = '';
  let data: string[] = [];
  let lastId: string | null = null;
  let sawData = false;

  const dispatch = () => {
    if (sawData) onEvent({ event: event || 'message', data: data.join('\n'), id: lastId });
    event = '';
    data = [];
    sawData = false;
  };

  const line = (text: string) => {
    if (text === '') return dispatch();
    if (text.startsWith(':')) return;
    const colon = text.indexOf(':');
    const field = colon === -1 ? text : text.slice(0, colon);
    let value = colon === -1 ? '' : text.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') event = value;
    else if (field === 'data') {
      data.push(value);
      sawData = true;
    } else if (field === 'id' && !value.includes('\0')) lastId = value;
  };

  return {
    push(chunk: string) {
      buffer += chunk;
      for (;;) {
        const match = /\r\n|\r|\n/.exec(buffer);
        // A lone CR at the very end may be the first half of CRLF: wait for the next chunk.
        if (!match || (match[0] === '\r' && match.index === buffer.length - 1)) break;
        line(buffer.slice(0, match.index));
        buffer = buffer.slice(match.index + match[0].length);
      }
    },
    /** The last `id:` seen, for Last-Event-ID when reconnecting. */
    get lastEventId() {
      return lastId;
    },
  };
}
