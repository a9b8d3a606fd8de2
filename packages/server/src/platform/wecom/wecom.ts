/**
 * WeCom (企业微信) application messages, built to Tencent's server API for self-built apps (企业内部开发):
 * `GET /cgi-bin/gettoken?corpid=…&corpsecret=…` answers an access_token valid `expires_in` seconds
 * (7200), shared by every call; `POST /cgi-bin/message/send?access_token=…` sends a text message to
 * a member by UserID (developer.work.weixin.qq.com/document/path/90236) and answers `errcode`,
 * `errmsg` and `invaliduser`. Global codes: developer.work.weixin.qq.com/document/path/90455. No SDK:
 * two fetches. The token is cached, refreshed before it expires and once more when WeCom says it
 * is expired or invalid; one refresh is in flight at a time, as WeCom rate-limits gettoken.
 */

/** Settings, already validated by config. */
export interface WecomOptions {
  /** 企业ID (CorpID), 我的企业 → 企业信息. */
  corpId: string;
  /** The self-built app's AgentId (应用管理 → 自建应用). */
  agentId: number;
  /** The app's Secret; sent to gettoken only, never logged. */
  secret: string;
  /** `https://qyapi.weixin.qq.com`; tests point it at a local fake. */
  endpoint: string;
  /** Whole-request deadline in milliseconds. */
  timeoutMs: number;
}

/** A failed call. `retryable` tells the caller whether trying again later can help. */
export class WecomError extends Error {
  override readonly name = 'WecomError';
  /** WeCom's errcode as text (`45009`, `-1`), `invaliduser`, or one of ours (`Timeout`, `NetworkError`, `Http502`). */
  readonly code: string;
  readonly retryable: boolean;

  constructor(code: string, message: string, retryable: boolean, cause?: unknown) {
    super(`${code}: ${message}`, cause === undefined ? undefined : { cause });
    this.code = code;
    this.retryable = retryable;
  }
}

/**
 * Codes that pass: -1 系统繁忙 (WeCom: retry, at most 3 times), 45009 接口调用超过限制 and 45033
 * 接口并发调用超过限制. Anything else fails again the same way until someone changes a setting:
 * 40001 secret, 40013 CorpID, 40056 AgentId, 40003 / 81013 no such member in the app's visible range,
 * 60020 this server's IP is not among the app's trusted IPs (企业可信IP), 48002 no API permission.
 */
const RETRYABLE_CODES = new Set([-1, 45009, 45033]);
/** 40014 不合法的access_token, 42001 access_token已过期: fetch a new token and try once more. */
const TOKEN_CODES = new Set([40014, 42001]);
/** Refresh this long before the token's stated expiry, so a send never races it. */
const REFRESH_MARGIN_MS = 5 * 60_000;

export function isRetryableWecomCode(errcode: number): boolean {
  return RETRYABLE_CODES.has(errcode);
}

interface Answer {
  errcode?: number;
  errmsg?: string;
  access_token?: string;
  expires_in?: number;
  invaliduser?: string;
  msgid?: string;
}

export interface WecomClient {
  /**
   * Sends a text message to one member. WeCom drops an identical body sent again within 30 minutes
   * (`enable_duplicate_check`), so a retry after a lost answer does not reach the phone twice.
   */
  sendText(userId: string, content: string): Promise<{ msgid: string | null }>;
}

export function createWecomClient(
  options: WecomOptions,
  clock: { now(): Date } = { now: () => new Date() },
): WecomClient {
  const base = options.endpoint.replace(/\/+$/, '');
  let token: { value: string; refreshAt: number } | null = null;
  let refreshing: Promise<string> | null = null;

  const fetchToken = async (): Promise<string> => {
    const url = `${base}/cgi-bin/gettoken?corpid=${encodeURIComponent(options.corpId)}&corpsecret=${encodeURIComponent(options.secret)}`;
    const answer = await call(url, { method: 'GET' }, options.timeoutMs);
    if (answer.errcode !== 0 || !answer.access_token) throw failure(answer);
    const lifetimeMs = (answer.expires_in ?? 7200) * 1000;
    token = { value: answer.access_token, refreshAt: clock.now().getTime() + lifetimeMs - REFRESH_MARGIN_MS };
    return answer.access_token;
  };

  /** The cached token, or a fresh one; concurrent callers share one gettoken call. */
  const accessToken = (): Promise<string> => {
    if (token && clock.now().getTime() < token.refreshAt) return Promise.resolve(token.value);
    refreshing ??= fetchToken().finally(() => {
      refreshing = null;
    });
    return refreshing;
  };

  const post = (accessTokenValue: string, userId: string, content: string) =>
    postText(options, accessTokenValue, userId, content);

  return {
    async sendText(userId: string, content: string) {
      const first = await accessToken();
      let answer = await post(first, userId, content);
      if (TOKEN_CODES.has(answer.errcode ?? 0)) {
        // Expired or revoked early: forget it (unless another call already replaced it) and try once more.
        if (token?.value === first) token = null;
        answer = await post(await accessToken(), userId, content);
      }
      if (answer.errcode !== 0) throw failure(answer);
      // A member outside the app's visible range: the call succeeds for the others and names them here.
      const invalid = (answer.invaliduser ?? '').split('|').filter(Boolean);
      if (invalid.includes(userId.toLowerCase()) || invalid.includes(userId)) {
        throw new WecomError('invaliduser', 'the member is not in the app’s visible range', false);
      }
      return { msgid: answer.msgid ?? null };
    },
  };
}

/** `message/send` of one text message; WeCom drops the same body again within `duplicate_check_interval` seconds. */
function postText(options: WecomOptions, accessToken: string, userId: string, content: string) {
  const body = JSON.stringify({
    touser: userId,
    msgtype: 'text',
    agentid: options.agentId,
    text: { content },
    safe: 0,
    enable_duplicate_check: 1,
    duplicate_check_interval: 1800,
  });
  const url = `${options.endpoint.replace(/\/+$/, '')}/cgi-bin/message/send?access_token=${encodeURIComponent(accessToken)}`;
  return call(url, { method: 'POST', body, headers: { 'content-type': 'application/json' } }, options.timeoutMs);
}

function failure(answer: Answer): WecomError {
  const errcode = answer.errcode ?? Number.NaN;
  // A token error after the one refresh: WeCom itself is in trouble; a later try may pass.
  const retryable = isRetryableWecomCode(errcode) || TOKEN_CODES.has(errcode);
  return new WecomError(String(answer.errcode ?? 'UnknownError'), answer.errmsg ?? '', retryable);
}

/** One HTTP call; the URL may carry the secret or the token, so it never reaches an error message. */
async function call(url: string, init: RequestInit, timeoutMs: number): Promise<Answer> {
  let res: Response;
  let text: string;
  try {
    // The signal covers reading the body too: a server that stalls mid-answer also times out.
    res = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    text = await res.text();
  } catch (err) {
    const timedOut = err instanceof DOMException && (err.name === 'TimeoutError' || err.name === 'AbortError');
    throw timedOut
      ? new WecomError('Timeout', `no answer within ${timeoutMs} ms`, true)
      : new WecomError('NetworkError', 'WeCom could not be reached', true);
  }
  try {
    return JSON.parse(text) as Answer;
  } catch {
    throw new WecomError(`Http${res.status}`, 'answer is not JSON', res.status >= 500 || res.status === 429);
  }
}
