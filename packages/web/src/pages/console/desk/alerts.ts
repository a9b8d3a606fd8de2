/**
 * A new matter must not arrive silently at the desk: each one raises a
 * notification (a click opens it), counts in the tab title until the desk is
 * looked at again, and — for 求助 and 报警, with the 提示音 switch on — plays
 * a short, quiet beep made with the Web Audio API (no sound files).
 */
import { MATTER_KIND_LABELS, URGENT_KINDS } from '@jingmin/shared';
import { App } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useLang } from '../../../i18n';
import type { SubmittedEvent } from '../matter/live';

/** The only thing kept in the browser: whether this desk wants the beep. */
const SOUND_KEY = 'jm.desk.sound';

let audio: AudioContext | null = null;

/** One context for the page; browsers start it suspended until the user has interacted. */
function audioContext(): AudioContext | null {
  if (typeof window.AudioContext !== 'function') return null;
  audio ??= new window.AudioContext();
  if (audio.state === 'suspended') void audio.resume().catch(() => undefined);
  return audio;
}

/** Two soft rising tones, a third of a second in all. */
export function beep() {
  const ctx = audioContext();
  if (!ctx) return;
  const start = ctx.currentTime + 0.01;
  [880, 1175].forEach((frequency, i) => {
    const at = start + i * 0.17;
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.type = 'sine';
    osc.frequency.value = frequency;
    gain.gain.setValueAtTime(0.0001, at);
    gain.gain.exponentialRampToValueAtTime(0.05, at + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.14);
    osc.connect(gain).connect(ctx.destination);
    osc.start(at);
    osc.stop(at + 0.15);
  });
}

const looking = () => document.visibilityState === 'visible' && document.hasFocus();

/** Whether the beep is on, remembered in this browser; on by default. */
function useSoundSetting(): [boolean, (on: boolean) => void] {
  const [sound, setSound] = useState(() => localStorage.getItem(SOUND_KEY) !== 'off');
  const set = useCallback((on: boolean) => {
    localStorage.setItem(SOUND_KEY, on ? 'on' : 'off');
    setSound(on);
    // Switching on is a user gesture: the audio unlocks here, and the desk hears what it chose.
    if (on) beep();
  }, []);
  useEffect(() => {
    if (!sound) return;
    // Any click unlocks the audio, so the first alarm is not lost to the autoplay rule.
    const unlock = () => audioContext();
    window.addEventListener('pointerdown', unlock, { once: true });
    return () => window.removeEventListener('pointerdown', unlock);
  }, [sound]);
  return [sound, set];
}

/** "(2) 值班台 · 警民" while new matters wait unseen; cleared when the desk is looked at. */
function useUnseenTitle(base: string): () => void {
  const [unseen, setUnseen] = useState(0);
  useEffect(() => {
    const previous = document.title;
    return () => {
      document.title = previous;
    };
  }, []);
  useEffect(() => {
    document.title = unseen > 0 ? `(${unseen}) ${base}` : base;
  }, [unseen, base]);
  useEffect(() => {
    const seen = () => {
      if (document.visibilityState === 'visible') setUnseen(0);
    };
    document.addEventListener('visibilitychange', seen);
    window.addEventListener('focus', seen);
    return () => {
      document.removeEventListener('visibilitychange', seen);
      window.removeEventListener('focus', seen);
    };
  }, []);
  return useCallback(() => {
    if (!looking()) setUnseen((n) => n + 1);
  }, []);
}

/** The desk's handler for 'matter.submitted', and the 提示音 switch's state. */
export function useNewMatterAlerts(onOpen: (id: string) => void) {
  const { t, label } = useLang();
  const { notification } = App.useApp();
  const [sound, setSound] = useSoundSetting();
  const countUnseen = useUnseenTitle(t('值班台 · 警民', 'Duty desk · Jingmin'));
  const onSubmitted = (e: SubmittedEvent) => {
    const urgent = URGENT_KINDS.includes(e.kind);
    const kind = e.kind in MATTER_KIND_LABELS ? label(MATTER_KIND_LABELS[e.kind]) : e.kind;
    countUnseen();
    if (urgent && sound) beep();
    notification[urgent ? 'warning' : 'info']({
      key: e.matterId,
      title: t(`新事项 ${e.number}`, `New matter ${e.number}`),
      description: t(`${kind} · 点击查看`, `${kind} · click to open`),
      // 求助/报警 stay until someone looks; the rest fade after a while.
      duration: urgent ? false : 12,
      // Bottom right: the page's own controls (the 提示音 switch, the drawer's header) stay reachable.
      placement: 'bottomRight',
      style: { cursor: 'pointer' },
      onClick: () => {
        notification.destroy(e.matterId);
        onOpen(e.matterId);
      },
    });
  };
  /** Opening a matter by any way (a row, the board) retires its notification. */
  const dismiss = (matterId: string) => notification.destroy(matterId);
  return { onSubmitted, dismiss, sound, setSound };
}
