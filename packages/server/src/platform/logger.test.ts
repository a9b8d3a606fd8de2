import { describe, expect, it } from 'vitest';
import { maskSecrets } from './logger.js';

describe('request logs', () => {
  it('keep the shape of a path but never a tracking link or doorplate token', () => {
    const tracking = 'Zq3kT0m9b1RrYvN8aQ2xWc7LdE5sHfJu';
    expect(maskSecrets(`/api/v1/public/matters/${tracking}/photos/0b4c`)).toBe(
      '/api/v1/public/matters/***/photos/0b4c',
    );
    expect(maskSecrets(`/api/v1/public/doorplates/${tracking}/matters`)).toBe('/api/v1/public/doorplates/***/matters');
    expect(maskSecrets(`/m/${tracking}`)).toBe('/m/***');
    expect(maskSecrets(`/h/${tracking}`)).toBe('/h/***');
    expect(maskSecrets('/api/v1/matters/3f1d/accept')).toBe('/api/v1/matters/3f1d/accept');
    expect(maskSecrets('/api/v1/public/phone/matters')).toBe('/api/v1/public/phone/matters');
  });
});
