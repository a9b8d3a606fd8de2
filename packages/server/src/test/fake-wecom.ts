/**
 * A local stand-in for WeCom's server API (qyapi.weixin.qq.com), answering as Tencent documents it:
 * gettoken hands out tokens valid 7200 s, message/send checks the token (42001 once it is expired)
 * and the member, and a test queues the errcodes the next sends answer (45009, 81013 …).
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeMessage {
  touser: string;
  content: string;
  agentid: number;
  enableDuplicateCheck: number;
}

export class FakeWecom {
  url = '';
  readonly corpId = 'ww-fake-corp';
  readonly secret = 'fake-app-secret';
  tokenCalls = 0;
  sendCalls = 0;
  /** Messages WeCom accepted, in order. */
  readonly sent: FakeMessage[] = [];
  /** Errcodes the next message/send calls answer, one each; empty: success. */
  readonly sendAnswers: number[] = [];
  /** Errcodes the next gettoken calls answer, one each; empty: a new token. */
  readonly tokenAnswers: number[] = [];
  /** While true, every connection is cut before an answer, as when WeCom cannot be reached. */
  down = false;
  /** Members of the directory visible to the app; anyone else gets 81013. */
  readonly members = new Set<string>();
  private valid = new Set<string>();
  private server: Server | undefined;

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      if (this.down) {
        req.socket.destroy();
        return;
      }
      void this.answer(req).then((body) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  /** Every token handed out so far stops working (WeCom answers 42001). */
  expireTokens() {
    this.valid.clear();
  }

  async stop() {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server = undefined;
  }

  private async answer(req: IncomingMessage): Promise<object> {
    const url = new URL(req.url ?? '/', 'http://fake');
    if (url.pathname === '/cgi-bin/gettoken') {
      this.tokenCalls += 1;
      const code = this.tokenAnswers.shift();
      if (code !== undefined) return { errcode: code, errmsg: `fake ${code}` };
      if (url.searchParams.get('corpid') !== this.corpId || url.searchParams.get('corpsecret') !== this.secret)
        return { errcode: 40001, errmsg: 'invalid secret' };
      const token = `token-${this.tokenCalls}`;
      this.valid.add(token);
      return { errcode: 0, errmsg: 'ok', access_token: token, expires_in: 7200 };
    }
    if (url.pathname === '/cgi-bin/message/send' && req.method === 'POST') {
      this.sendCalls += 1;
      const body = JSON.parse(await read(req)) as {
        touser: string;
        agentid: number;
        text: { content: string };
        enable_duplicate_check: number;
      };
      if (!this.valid.has(url.searchParams.get('access_token') ?? ''))
        return { errcode: 42001, errmsg: 'access_token expired' };
      const code = this.sendAnswers.shift();
      if (code !== undefined) return { errcode: code, errmsg: `fake ${code}` };
      if (!this.members.has(body.touser)) return { errcode: 81013, errmsg: 'user & party & tag all invalid' };
      this.sent.push({
        touser: body.touser,
        content: body.text.content,
        agentid: body.agentid,
        enableDuplicateCheck: body.enable_duplicate_check,
      });
      return { errcode: 0, errmsg: 'ok', invaliduser: '', msgid: `msg-${this.sent.length}` };
    }
    return { errcode: 40066, errmsg: 'invalid url' };
  }
}

async function read(req: IncomingMessage): Promise<string> {
  let text = '';
  for await (const chunk of req) text += String(chunk);
  return text;
}
