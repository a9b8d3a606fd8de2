/**
 * What an uploaded audio or video file is, read from its first bytes — never from the name or the type the browser
 * declared. Only what browsers play without transcoding (WARNING_MEDIA_RULES) is recognised: MP3, M4A/MP4, WAV, WebM.
 */
import type { WarningMediaKind } from '@jingmin/shared';

export interface SniffedMedia {
  kind: WarningMediaKind;
  mime: string;
}

/** Bytes read before deciding: enough for an EBML header with its doctype, and an `ftyp` box. */
export const SNIFF_BYTES = 64;

/** `ftyp` major brands of audio-only MP4 (iTunes audio, audiobooks). */
const AUDIO_BRANDS = new Set(['M4A ', 'M4B ']);
/** `ftyp` major brands of MP4 video that browsers play (ISO base media, MPEG-4, H.264, DASH, iTunes video). */
const VIDEO_BRANDS = new Set([
  'isom',
  'iso2',
  'iso4',
  'iso5',
  'iso6',
  'mp41',
  'mp42',
  'avc1',
  'dash',
  'mmp4',
  'M4V ',
  'M4VH',
  'M4VP',
  'MSNV',
]);

/** The media type of `head` (the file's first bytes), or null when it is not on the whitelist. */
export function sniffMedia(head: Buffer): SniffedMedia | null {
  return mp4(head) ?? wav(head) ?? webm(head) ?? mp3(head);
}

/** The byte at `i`, 0 past the end (the checks below then fail on their own). */
const byte = (b: Buffer, i: number) => b[i] ?? 0;

function ascii(b: Buffer, from: number, to: number) {
  return b.length >= to ? b.toString('latin1', from, to) : '';
}

/** ISO base media: an `ftyp` box first; its major brand says audio (M4A) or video. QuickTime (`qt  `) is refused. */
function mp4(b: Buffer): SniffedMedia | null {
  if (ascii(b, 4, 8) !== 'ftyp') return null;
  const brand = ascii(b, 8, 12);
  if (AUDIO_BRANDS.has(brand)) return { kind: 'audio', mime: 'audio/mp4' };
  if (VIDEO_BRANDS.has(brand)) return { kind: 'video', mime: 'video/mp4' };
  return null;
}

function wav(b: Buffer): SniffedMedia | null {
  return ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WAVE' ? { kind: 'audio', mime: 'audio/wav' } : null;
}

/** EBML header (1A 45 DF A3) whose DocType element (42 82) says `webm`; other Matroska files are refused. */
function webm(b: Buffer): SniffedMedia | null {
  if (b.length < 8 || b.readUInt32BE(0) !== 0x1a45dfa3) return null;
  for (let i = 4; i + 2 < b.length; i++) {
    if (b[i] !== 0x42 || b[i + 1] !== 0x82) continue;
    const size = byte(b, i + 2) & 0x7f; // a one-byte EBML size (0x80 | n), as every muxer writes the doctype
    if ((byte(b, i + 2) & 0x80) === 0 || size > 16) return null;
    return ascii(b, i + 3, i + 3 + size) === 'webm' ? { kind: 'video', mime: 'video/webm' } : null;
  }
  return null;
}

/**
 * MP3: an ID3v2 tag, or an MPEG audio frame header — 11 sync bits, a version and a layer that exist (layer bits 00 is
 * AAC's ADTS, not MPEG audio), a bitrate that is neither free nor invalid, a sample rate that exists.
 */
function mp3(b: Buffer): SniffedMedia | null {
  if (ascii(b, 0, 3) === 'ID3' && b.length >= 10 && byte(b, 3) < 0xff) return { kind: 'audio', mime: 'audio/mpeg' };
  if (b.length < 4 || b[0] !== 0xff || (byte(b, 1) & 0xe0) !== 0xe0) return null;
  const version = (byte(b, 1) >> 3) & 0x03;
  const layer = (byte(b, 1) >> 1) & 0x03;
  const bitrate = byte(b, 2) >> 4;
  const rate = (byte(b, 2) >> 2) & 0x03;
  if (version === 0b01 || layer === 0 || bitrate === 0 || bitrate === 0x0f || rate === 0x03) return null;
  return { kind: 'audio', mime: 'audio/mpeg' };
}
