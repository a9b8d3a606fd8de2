import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeWecom } from '../../test/fake-wecom.js';
import { createWecomClient, type WecomError } from './wecom.js';

let wecom: FakeWecom;
let now: number;
const clock = { now: () => new Date(now) };

beforeEach(async () => {
  wecom = await new FakeWecom().start();
  wecom.members.add('zhangwei');
  now = Date.parse('2026-11-23T02:00:00Z');
});
afterEach(() => wecom.stop());

const client = () =>
  createWecomClient(
    { corpId: wecom.corpId, agentId: 1000002, secret: wecom.secret, endpoint: wecom.url, timeoutMs: 2000 },
    clock,
  );

async function failureOf(p: Promise<unknown>): Promise<WecomError> {
  try {
    await p;
  } catch (err) {
    return err as WecomError;
  }
  throw new Error('expected the send to fail');
}

describe('WeCom application messages', () => {
  it('fetches a token once and reuses it for later messages, with the body WeCom documents', async () => {
    const c = client();
    await c.sendText('zhangwei', '【警民】新派单：回执号 JM20261123-000001');
    await c.sendText('zhangwei', '【警民】催办：回执号 JM20261123-000001');

    expect(wecom.tokenCalls).toBe(1);
    expect(wecom.sent).toHaveLength(2);
    expect(wecom.sent[0]).toEqual({
      touser: 'zhangwei',
      content: '【警民】新派单：回执号 JM20261123-000001',
      agentid: 1000002,
      enableDuplicateCheck: 1,
    });
  });

  it('shares one token request between messages sent at once', async () => {
    const c = client();
    await Promise.all([c.sendText('zhangwei', 'a'), c.sendText('zhangwei', 'b'), c.sendText('zhangwei', 'c')]);
    expect(wecom.tokenCalls).toBe(1);
    expect(wecom.sent).toHaveLength(3);
  });

  it('refreshes the token before its two hours are up', async () => {
    const c = client();
    await c.sendText('zhangwei', 'a');
    now += 7000 * 1000; // 200 s before expiry, inside the refresh margin
    await c.sendText('zhangwei', 'b');
    expect(wecom.tokenCalls).toBe(2);
  });

  it('when WeCom says the token expired (42001), fetches a new one once and sends the message again', async () => {
    const c = client();
    await c.sendText('zhangwei', 'first');
    wecom.expireTokens();
    await c.sendText('zhangwei', 'second');

    expect(wecom.tokenCalls).toBe(2);
    expect(wecom.sendCalls).toBe(3);
    expect(wecom.sent.map((m) => m.content)).toEqual(['first', 'second']);
  });

  it('reports rate limits and system busy as passing trouble', async () => {
    const c = client();
    for (const code of [45009, 45033, -1]) {
      wecom.sendAnswers.push(code);
      const err = await failureOf(c.sendText('zhangwei', 'x'));
      expect(err).toMatchObject({ code: String(code), retryable: true });
    }
  });

  it('reports an unknown member, an untrusted IP and a wrong agent as failures that retrying will not fix', async () => {
    const c = client();
    expect(await failureOf(c.sendText('nobody', 'x'))).toMatchObject({ code: '81013', retryable: false });
    for (const code of [60020, 40056, 40003]) {
      wecom.sendAnswers.push(code);
      expect(await failureOf(c.sendText('zhangwei', 'x'))).toMatchObject({ code: String(code), retryable: false });
    }
    expect(wecom.sent).toHaveLength(0);
  });

  it('refuses a wrong secret at gettoken without retrying, and never puts the secret in the error', async () => {
    const c = createWecomClient(
      { corpId: wecom.corpId, agentId: 1, secret: 'wrong-secret', endpoint: wecom.url, timeoutMs: 2000 },
      clock,
    );
    const err = await failureOf(c.sendText('zhangwei', 'x'));
    expect(err).toMatchObject({ code: '40001', retryable: false });
    expect(err.message).not.toContain('wrong-secret');
  });

  it('reports an unreachable WeCom as passing trouble', async () => {
    const c = client();
    await wecom.stop();
    const err = await failureOf(c.sendText('zhangwei', 'x'));
    expect(err).toMatchObject({ code: 'NetworkError', retryable: true });
    expect(err.message).not.toContain(wecom.secret);
  });
});
