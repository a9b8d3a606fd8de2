import { describe, expect, it } from 'vitest';
import { createSseParser, type SseEvent } from './sse';

function read(chunks: string[]) {
  const events: SseEvent[] = [];
  const parser = createSseParser((e) => events.push(e));
  for (const c of chunks) parser.push(c);
  return { events, lastEventId: parser.lastEventId };
}

describe('the room stream as a resident’s phone reads it', () => {
  it('hears a new post with its name, data and id', () => {
    const { events, lastEventId } = read(['id: 41\nevent: room.post\ndata: {"roomId":"r","seq":7}\n\n']);
    expect(events).toEqual([{ event: 'room.post', data: '{"roomId":"r","seq":7}', id: '41' }]);
    expect(lastEventId).toBe('41');
  });

  it('puts together an event split across chunks, with CRLF line ends split too', () => {
    const { events } = read(['event: room.post_ch', 'anged\r', '\ndata: {"a":', '1}\r\n\r', '\n']);
    expect(events).toEqual([{ event: 'room.post_changed', data: '{"a":1}', id: null }]);
  });

  it('ignores keep-alive comments and waits for the blank line', () => {
    const { events } = read([': ping\n\n', 'event: room.member_removed\ndata: x\n']);
    expect(events).toEqual([]);
  });

  it('joins several data lines and names an unnamed event "message"', () => {
    const { events } = read(['data: one\ndata: two\n\n']);
    expect(events).toEqual([{ event: 'message', data: 'one\ntwo', id: null }]);
  });

  it('keeps the last id for the next connection even when a later event has none', () => {
    const { events, lastEventId } = read(['id: 5\nevent: room.post\ndata: a\n\nevent: room.post\ndata: b\n\n']);
    expect(events.map((e) => e.id)).toEqual(['5', '5']);
    expect(lastEventId).toBe('5');
  });
});
