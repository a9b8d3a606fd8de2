import { describe, expect, it } from 'vitest';
import { mediaKindOf, mediaProblem, sizeInWords } from './rules';

const MB = 1024 * 1024;

describe('the composer’s check of an audio or video file before sending', () => {
  it('knows the whitelist by name first, by the declared type second', () => {
    expect(mediaKindOf({ name: '反诈宣传.MP3', type: '' })).toBe('audio');
    expect(mediaKindOf({ name: '录音.m4a', type: 'audio/x-m4a' })).toBe('audio');
    expect(mediaKindOf({ name: 'clip.webm', type: 'video/webm' })).toBe('video');
    expect(mediaKindOf({ name: 'blob', type: 'video/mp4' })).toBe('video');
    expect(mediaKindOf({ name: 'IMG_0001.MOV', type: 'video/quicktime' })).toBeNull();
    expect(mediaKindOf({ name: 'a.flac', type: 'audio/flac' })).toBeNull();
  });

  it('says in words why a file cannot go: its format, or its size against its kind’s limit', () => {
    expect(mediaProblem({ name: 'a.mov', type: 'video/quicktime', size: 10 })?.zh).toBe(
      '不支持该文件格式，请选择 MP3、M4A、WAV、MP4、WebM 文件',
    );
    expect(mediaProblem({ name: 'a.mp3', type: 'audio/mpeg', size: 12 * MB })?.zh).toBe(
      '音频不能超过 10 MB，该文件 12 MB',
    );
    expect(mediaProblem({ name: 'a.mp4', type: 'video/mp4', size: 31.5 * MB })?.zh).toBe(
      '视频不能超过 30 MB，该文件 32 MB',
    );
    expect(mediaProblem({ name: 'a.mp4', type: 'video/mp4', size: 12 * MB })).toBeNull();
  });

  it('writes sizes as people read them', () => {
    expect(sizeInWords(812)).toBe('812 B');
    expect(sizeInWords(35 * 1024)).toBe('35 KB');
    expect(sizeInWords(4.24 * MB)).toBe('4.2 MB');
    expect(sizeInWords(30 * MB)).toBe('30 MB');
  });
});
