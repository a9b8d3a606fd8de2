/**
 * What the composer checks before sending an audio or video file: a type on the whitelist and the kind's size limit
 * (WARNING_MEDIA_RULES). Only a courtesy: the server decides by the file's content and refuses past the limit anyway.
 */
import { WARNING_MEDIA_RULES, type WarningMediaKind } from '@jingmin/shared';

/** The whitelist by file name: what browsers play without transcoding. */
const BY_EXTENSION: Record<string, WarningMediaKind> = {
  mp3: 'audio',
  m4a: 'audio',
  wav: 'audio',
  mp4: 'video',
  m4v: 'video',
  webm: 'video',
};
/** The same by the type the browser declares, for a file without a known extension. */
const BY_TYPE: Record<string, WarningMediaKind> = {
  'audio/mpeg': 'audio',
  'audio/mp3': 'audio',
  'audio/mp4': 'audio',
  'audio/x-m4a': 'audio',
  'audio/wav': 'audio',
  'audio/x-wav': 'audio',
  'audio/wave': 'audio',
  'video/mp4': 'video',
  'video/webm': 'video',
};

export const MEDIA_FORMATS = 'MP3、M4A、WAV、MP4、WebM';
export const MEDIA_KIND_LABELS: Record<WarningMediaKind, { zh: string; en: string }> = {
  audio: { zh: '音频', en: 'Audio' },
  video: { zh: '视频', en: 'Video' },
};

/** A size in words: 812 B, 35 KB, 4.2 MB. */
export function sizeInWords(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  const mb = bytes / (1024 * 1024);
  return `${mb < 10 ? mb.toFixed(1) : Math.round(mb)} MB`;
}

/** The kind a picked file is, by its name first and its declared type second; null when not on the whitelist. */
export function mediaKindOf(file: { name: string; type: string }): WarningMediaKind | null {
  const ext = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase();
  return (ext ? BY_EXTENSION[ext] : undefined) ?? BY_TYPE[file.type.toLowerCase()] ?? null;
}

/** Why a picked file cannot be sent, in both languages; null when it may be sent. */
export function mediaProblem(file: { name: string; type: string; size: number }): { zh: string; en: string } | null {
  const kind = mediaKindOf(file);
  if (!kind)
    return {
      zh: `不支持该文件格式，请选择 ${MEDIA_FORMATS} 文件`,
      en: `This format is not supported; choose an MP3, M4A, WAV, MP4 or WebM file`,
    };
  const limit = WARNING_MEDIA_RULES[kind].maxBytes;
  if (file.size > limit)
    return {
      zh: `${MEDIA_KIND_LABELS[kind].zh}不能超过 ${sizeInWords(limit)}，该文件 ${sizeInWords(file.size)}`,
      en: `${MEDIA_KIND_LABELS[kind].en} may be at most ${sizeInWords(limit)}; this file is ${sizeInWords(file.size)}`,
    };
  if (file.size === 0) return { zh: '文件是空的', en: 'The file is empty' };
  return null;
}
