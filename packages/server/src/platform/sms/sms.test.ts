import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LOG_SENDER_MESSAGE, LOG_SENDER_TEXT } from './log-sender.js';
import { createSmsSender, type SmsError, type SmsOptions } from './sms.js';
import { signTc3 } from './tencent-sender.js';

/** A logger that keeps what it was told, so tests read the log lines an operator would see. */
function recordingLog() {
  const lines: Array<{ level: 'info' | 'warn'; obj: object; msg: string | undefined }> = [];
  return {
    lines,
    info: (obj: object, msg?: string) => lines.push({ level: 'info', obj, msg }),
    warn: (obj: object, msg?: string) => lines.push({ level: 'warn', obj, msg }),
  };
}

const OTP = { kind: 'otp', phone: '13800138000', code: '482913', ttlMinutes: 5 } as const;

describe('log sender (the offline default)', () => {
  it('writes the code and a masked phone to the log, never the full number', async () => {
    const log = recordingLog();
    const sender = createSmsSender({ provider: 'log' }, log);
    await sender.send(OTP);

    expect(sender.name).toBe('log');
    const line = log.lines.find((l) => l.msg === LOG_SENDER_MESSAGE);
    expect(line).toMatchObject({ level: 'info', obj: { phone: '138****8000', code: '482913', ttlMinutes: 5 } });
    expect(LOG_SENDER_MESSAGE).toContain('一次性验证码');
    expect(JSON.stringify(log.lines)).not.toContain('13800138000');
  });

  it('also appends each text to a file when asked, the phone masked there too', async () => {
    const file = path.join(os.tmpdir(), `jm-sms-${process.pid}-${Date.now()}.jsonl`);
    const sender = createSmsSender({ provider: 'log', file }, recordingLog());
    await sender.send(OTP);
    await sender.send(OTP);
    const lines = (await fs.readFile(file, 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    await fs.rm(file);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ kind: 'otp', phone: '138****8000', code: '482913' });
    expect(JSON.stringify(lines)).not.toContain('13800138000');
  });

  it('writes any other message as the text the recipient would read, with no link in it', async () => {
    const log = recordingLog();
    const sender = createSmsSender({ provider: 'log' }, log);
    await sender.send({
      kind: 'matter_receipt',
      phone: '13800138000',
      stationName: '柳塘派出所',
      number: 'JM20261201-000007',
    });

    const line = log.lines.find((l) => l.msg === LOG_SENDER_TEXT);
    const text = (line?.obj as { text?: string } | undefined)?.text ?? '';
    expect(text).toContain('柳塘派出所');
    expect(text).toContain('JM20261201-000007');
    expect(text).not.toMatch(/https?:|www\.|\/m\//);
    expect(JSON.stringify(log.lines)).not.toContain('13800138000');
  });
});

describe('TC3-HMAC-SHA256 signing', () => {
  // The worked example of Tencent Cloud's "Signature v3" page (CVM DescribeInstances, Guangzhou):
  // every value below is copied from that page, including the literal \u escapes in the body.
  it("reproduces Tencent's documented example byte for byte", () => {
    const payload = '{"Limit": 1, "Filters": [{"Values": ["\\u672a\\u547d\\u540d"], "Name": "instance-name"}]}';
    const signed = signTc3({
      secretId: 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE',
      secretKey: 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE',
      service: 'cvm',
      host: 'cvm.tencentcloudapi.com',
      timestamp: 1551113065,
      payload,
    });

    expect(signed.canonicalRequest).toBe(
      'POST\n/\n\ncontent-type:application/json; charset=utf-8\nhost:cvm.tencentcloudapi.com\n\n' +
        'content-type;host\n35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064',
    );
    expect(signed.stringToSign).toBe(
      'TC3-HMAC-SHA256\n1551113065\n2019-02-25/cvm/tc3_request\n' +
        '5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031',
    );
    expect(signed.signature).toBe('72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168');
    expect(signed.authorization).toBe(
      'TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE/2019-02-25/cvm/tc3_request, ' +
        'SignedHeaders=content-type;host, Signature=72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168',
    );
  });
});

// ---------------------------------------------------------------- a local stand-in for sms.tencentcloudapi.com

const SECRET_ID = 'AKIDtestSecretId000000000000000000';
const SECRET_KEY = 'testSecretKey0000000000000000000';

interface Received {
  headers: IncomingMessage['headers'];
  body: Record<string, unknown>;
  signatureVerified: boolean;
}

type Answer = (req: Received) => { status?: number; json?: unknown; raw?: string } | 'hang';

/**
 * Verifies a TC3 request the way Tencent's gateway would, written out again here rather than
 * calling signTc3, so a mistake shared by both sides cannot pass.
 */
function verifyTc3(req: IncomingMessage, rawBody: string): boolean {
  const auth =
    /^TC3-HMAC-SHA256 Credential=([^/]+)\/(\d{4}-\d{2}-\d{2})\/([^/]+)\/tc3_request, SignedHeaders=([a-z;-]+), Signature=([0-9a-f]{64})$/.exec(
      req.headers.authorization ?? '',
    );
  if (!auth) return false;
  const [, secretId, date, service, signedHeaders, signature] = auth as unknown as string[];
  const timestamp = Number(req.headers['x-tc-timestamp']);
  if (secretId !== SECRET_ID || service !== 'sms') return false;
  if (Math.abs(Date.now() / 1000 - timestamp) > 300) return false;
  if (new Date(timestamp * 1000).toISOString().slice(0, 10) !== date) return false;
  const names = (signedHeaders ?? '').split(';');
  if (!names.includes('content-type') || !names.includes('host')) return false;
  const canonicalHeaders = names
    .map(
      (n) =>
        `${n}:${String(req.headers[n] ?? '')
          .trim()
          .toLowerCase()}\n`,
    )
    .join('');
  const hash = (s: string) => createHash('sha256').update(s).digest('hex');
  const canonical = `${req.method}\n/\n\n${canonicalHeaders}\n${signedHeaders}\n${hash(rawBody)}`;
  const toSign = `TC3-HMAC-SHA256\n${timestamp}\n${date}/${service}/tc3_request\n${hash(canonical)}`;
  let key: Buffer = createHmac('sha256', `TC3${SECRET_KEY}`)
    .update(date ?? '')
    .digest();
  key = createHmac('sha256', key)
    .update(service ?? '')
    .digest();
  key = createHmac('sha256', key).update('tc3_request').digest();
  const expected = createHmac('sha256', key).update(toSign).digest();
  return timingSafeEqual(expected, Buffer.from(signature ?? '', 'hex'));
}

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** Starts the fake on port 0; a request with a bad signature gets Tencent's AuthFailure answer. */
async function fakeTencent(answer: Answer) {
  const received: Received[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const record = { headers: req.headers, body: JSON.parse(raw), signatureVerified: verifyTc3(req, raw) };
      received.push(record);
      const reply = record.signatureVerified ? answer(record) : { json: signatureFailure };
      if (reply === 'hang') return;
      res.writeHead(reply.status ?? 200, { 'content-type': 'application/json' });
      res.end(reply.raw ?? JSON.stringify(reply.json));
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { endpoint: `http://127.0.0.1:${port}`, received };
}

const signatureFailure = {
  Response: {
    Error: {
      Code: 'AuthFailure.SignatureFailure',
      Message: 'The provided credentials could not be validated. Please check your signature is correct.',
    },
    RequestId: 'ed93f3cb-f35e-473f-b9f3-0d451b8b79c6',
  },
};

const sendStatus = (Code: string, Message: string) => ({
  Response: {
    SendStatusSet: [
      {
        SerialNo: '5000:1045710669157053657849499619',
        PhoneNumber: '+8613800138000',
        Fee: 1,
        SessionContext: '',
        Code,
        Message,
        IsoCode: 'CN',
      },
    ],
    RequestId: 'a0aabda6-cf91-4f3e-a81f-9198114a2279',
  },
});

type TencentOptions = Extract<SmsOptions, { provider: 'tencent' }>;

function tencentOptions(endpoint: string, overrides: Partial<TencentOptions> = {}): TencentOptions {
  return {
    provider: 'tencent',
    secretId: SECRET_ID,
    secretKey: SECRET_KEY,
    sdkAppId: '1400006666',
    signName: '景民街道',
    templates: { otp: '1110', matter_receipt: '1120' },
    region: 'ap-guangzhou',
    endpoint,
    timeoutMs: 2_000,
    ...overrides,
  };
}

async function failure(promise: Promise<unknown>): Promise<SmsError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toMatchObject({ name: 'SmsError' });
  return err as SmsError;
}

describe('Tencent sender against a local fake of the SMS API', () => {
  it('sends a correctly signed SendSms request and resolves when Tencent answers Ok', async () => {
    const fake = await fakeTencent(() => ({ json: sendStatus('Ok', 'send success') }));
    const log = recordingLog();
    const sender = createSmsSender(tencentOptions(fake.endpoint), log);
    await sender.send(OTP);

    expect(sender.name).toBe('tencent');
    expect(fake.received).toHaveLength(1);
    const [req] = fake.received;
    expect(req?.signatureVerified).toBe(true);
    expect(req?.headers).toMatchObject({
      'x-tc-action': 'SendSms',
      'x-tc-version': '2021-01-11',
      'x-tc-region': 'ap-guangzhou',
      'content-type': 'application/json; charset=utf-8',
    });
    expect(req?.body).toEqual({
      PhoneNumberSet: ['+8613800138000'],
      SmsSdkAppId: '1400006666',
      SignName: '景民街道',
      TemplateId: '1110',
      TemplateParamSet: ['482913', '5'],
    });
    // Tencent has the code; our log has neither the code nor the full number.
    expect(JSON.stringify(log.lines)).not.toMatch(/482913|13800138000/);
  });

  it('turns an API error (bad signature from a wrong key) into a non-retryable SmsError', async () => {
    const fake = await fakeTencent(() => ({ json: sendStatus('Ok', 'send success') }));
    const sender = createSmsSender(tencentOptions(fake.endpoint, { secretKey: 'not-the-right-key' }), recordingLog());
    const err = await failure(sender.send(OTP));

    expect(fake.received[0]?.signatureVerified).toBe(false);
    expect(err).toMatchObject({
      code: 'AuthFailure.SignatureFailure',
      retryable: false,
      requestId: 'ed93f3cb-f35e-473f-b9f3-0d451b8b79c6',
    });
  });

  it('reports a per-phone daily limit from SendStatusSet as non-retryable, with its message', async () => {
    const message = 'the number of SMS messages sent from a single mobile number every day exceeds the upper limit';
    const fake = await fakeTencent(() => ({ json: sendStatus('LimitExceeded.PhoneNumberDailyLimit', message) }));
    const log = recordingLog();
    const err = await failure(createSmsSender(tencentOptions(fake.endpoint), log).send(OTP));

    expect(err).toMatchObject({ code: 'LimitExceeded.PhoneNumberDailyLimit', retryable: false });
    expect(err.message).toContain(message);
    expect(log.lines.at(-1)).toMatchObject({
      level: 'warn',
      obj: { phone: '138****8000', code: 'LimitExceeded.PhoneNumberDailyLimit' },
    });
  });

  it.each(['InternalError', 'RequestLimitExceeded', 'RequestLimitExceeded.UinLimitExceeded'])(
    'marks %s as retryable',
    async (code) => {
      const fake = await fakeTencent(() => ({
        json: { Response: { Error: { Code: code, Message: 'x' }, RequestId: 'r' } },
      }));
      const err = await failure(createSmsSender(tencentOptions(fake.endpoint), recordingLog()).send(OTP));
      expect(err).toMatchObject({ code, retryable: true });
    },
  );

  it('marks a gateway error page (HTTP 502, not JSON) as retryable', async () => {
    const fake = await fakeTencent(() => ({ status: 502, raw: '<html>Bad Gateway</html>' }));
    const err = await failure(createSmsSender(tencentOptions(fake.endpoint), recordingLog()).send(OTP));
    expect(err).toMatchObject({ code: 'Http502', retryable: true });
  });

  it('gives up after timeoutMs when Tencent never answers, as a retryable SmsError', async () => {
    const fake = await fakeTencent(() => 'hang');
    const sender = createSmsSender(tencentOptions(fake.endpoint, { timeoutMs: 150 }), recordingLog());
    const started = Date.now();
    const err = await failure(sender.send(OTP));

    expect(err).toMatchObject({ code: 'Timeout', retryable: true });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(fake.received).toHaveLength(1);
  });

  it('fills each kind into its own approved template, and refuses a kind with no template without calling', async () => {
    const fake = await fakeTencent(() => ({ json: sendStatus('Ok', 'send success') }));
    const sender = createSmsSender(tencentOptions(fake.endpoint), recordingLog());
    await sender.send({
      kind: 'matter_receipt',
      phone: '13800138000',
      stationName: '柳塘派出所',
      number: 'JM20261201-000007',
    });
    expect(fake.received[0]?.body).toMatchObject({
      TemplateId: '1120',
      TemplateParamSet: ['柳塘派出所', 'JM20261201-000007'],
    });

    const err = await failure(
      sender.send({ kind: 'staff_alert', phone: '13800138000', reason: '新派单', number: 'X' }),
    );
    expect(err).toMatchObject({ code: 'TemplateNotConfigured', retryable: false });
    expect(fake.received).toHaveLength(1);
  });

  it('refuses a number that is not an 11-digit mainland mobile without calling Tencent', async () => {
    const fake = await fakeTencent(() => ({ json: sendStatus('Ok', 'send success') }));
    const err = await failure(
      createSmsSender(tencentOptions(fake.endpoint), recordingLog()).send({ ...OTP, phone: '+8613800138000' }),
    );
    expect(err).toMatchObject({ code: 'InvalidPhoneNumber', retryable: false });
    expect(fake.received).toHaveLength(0);
  });
});
