import { DeviceId } from '@jingmin/shared';
import { describe, expect, it } from 'vitest';
import { DEVICE_ID_PATTERN, deviceId, freshDeviceId } from './deviceId';

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    data,
  };
}

describe('the device id a phone sends with its receipts', () => {
  it('is 22 or more characters of A–Z a–z 0–9 _ - that the server accepts, and never the same twice', () => {
    const ids = Array.from({ length: 200 }, freshDeviceId);
    for (const id of ids) {
      expect(id).toMatch(/^[A-Za-z0-9_-]{22,}$/);
      expect(DeviceId.safeParse(id).success).toBe(true);
    }
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('is made once and kept: the same id every time on this browser', () => {
    const storage = memoryStorage();
    const first = deviceId(storage);
    expect(deviceId(storage)).toBe(first);
    expect(storage.data.get('jm.noticeDevice')).toBe(first);
  });

  it('replaces a damaged stored id instead of sending what the server would refuse', () => {
    const storage = memoryStorage({ 'jm.noticeDevice': 'short!' });
    const id = deviceId(storage);
    expect(id).toMatch(DEVICE_ID_PATTERN);
    expect(id).not.toBe('short!');
  });

  it('still has an id for the page when storage is refused (a private window)', () => {
    const refusing = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
    };
    const id = deviceId(refusing);
    expect(id).toMatch(DEVICE_ID_PATTERN);
    expect(deviceId(refusing)).toBe(id);
    expect(deviceId(null)).toBe(id);
  });
});
