/**
 * /field/*: the pages a rural officer, an auxiliary or a grid worker opens on a phone in the village (antd-mobile,
 * like the resident pages): visits due, patrols and their check-ins, hazards. Signed in as at the console; a page
 * opened from a point's QR code comes back here after signing in. Where the signal drops the pages still open
 * (the service worker keeps the app's files) and what is recorded waits in the phone's outbox (field/queue.ts).
 */
import type { Capability, SessionView } from '@jingmin/shared';
import { useQuery } from '@tanstack/react-query';
import { SpinLoading } from 'antd-mobile';
import { lazy, type ReactNode, Suspense, useEffect } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { SessionContext, useCan } from '../../../access';
import { auth } from '../../../api/auth';
import '../../../components/mobileRender';
import { ApiError } from '../../../api/client';
import { startQueue } from '../../../field/queue';
import { RESIDENT_CSS } from '../../resident/components/residentStyle';

const FieldHome = lazy(() => import('../home'));
const Patrol = lazy(() => import('../patrol'));
const Visits = lazy(() => import('../visits'));
const Report = lazy(() => import('../report'));
const Tasks = lazy(() => import('../tasks'));
const Hazard = lazy(() => import('../hazard'));
const Fraud = lazy(() => import('../fraud'));

/** The last session seen online (without its CSRF token), so the pages open offline for the same account. */
const KEPT = 'jingmin-field-session';
/** Set once a volunteer signed in on this phone: a lost session sends it back to the phone sign-in. */
const VOLUNTEER = 'jingmin-field-volunteer';

async function fieldSession(): Promise<SessionView> {
  try {
    const s = await auth.session();
    if (s.stage === 'full') localStorage.setItem(KEPT, JSON.stringify({ ...s, csrfToken: '' }));
    if (s.user.roles.includes('volunteer')) localStorage.setItem(VOLUNTEER, '1');
    else localStorage.removeItem(VOLUNTEER);
    return s;
  } catch (err) {
    const kept = localStorage.getItem(KEPT);
    // Offline (no answer at all): the account seen last; signed out (401): sign in again.
    if (err instanceof ApiError && err.status === 0 && kept) return JSON.parse(kept) as SessionView;
    if (err instanceof ApiError && err.status === 401) localStorage.removeItem(KEPT);
    throw err;
  }
}

/**
 * The app's files kept on the phone for the next time there is no signal: the service worker (public/sw.js) and,
 * in its cache, every built file this page has loaded plus the other field pages' (loaded now, ahead of need).
 */
async function keepForOffline() {
  if (!('serviceWorker' in navigator) || !('caches' in window)) return;
  try {
    await navigator.serviceWorker.register('/sw.js');
    await navigator.serviceWorker.ready;
    await Promise.all([
      import('../home'),
      import('../visits'),
      import('../patrol'),
      import('../report'),
      import('../tasks'),
      import('../hazard'),
      import('../fraud'),
    ]);
    const files = performance
      .getEntriesByType('resource')
      .map((e) => new URL(e.name))
      .filter((u) => u.origin === window.location.origin && u.pathname.startsWith('/assets/'))
      .map((u) => u.pathname);
    const cache = await caches.open('jingmin-shell-v1');
    await cache.addAll([...new Set(files), '/index.html']);
    // Said on the page once everything is kept: the pages now open without a network.
    document.documentElement.dataset.offlineReady = '1';
  } catch {
    // Without it the pages still work online; offline they open only if the browser kept them.
  }
}

/** A field page the account's rights cover; any other leads back to the field home, which lists what it may do. */
function Allowed({ to, page }: { to: Capability; page: ReactNode }) {
  const can = useCan();
  return can(to) ? page : <Navigate to="/field" replace />;
}

export default function FieldApp() {
  const location = useLocation();
  const session = useQuery({ queryKey: ['field-session'], queryFn: fieldSession, retry: false, staleTime: 60_000 });
  useEffect(() => {
    if (session.data?.stage !== 'full') return;
    startQueue();
    void keepForOffline();
  }, [session.data]);
  if (session.isPending) return <SpinLoading style={{ margin: '40vh auto' }} />;
  if (session.data?.stage !== 'full')
    return (
      <Navigate
        // A volunteer signs in by phone at /volunteer; staff by username at /login.
        to={`${localStorage.getItem(VOLUNTEER) ? '/volunteer' : '/login'}?next=${encodeURIComponent(location.pathname + location.search)}`}
        replace
      />
    );
  return (
    <SessionContext.Provider value={session.data}>
      <style>{RESIDENT_CSS}</style>
      <div className="jm-resident" style={{ minHeight: '100vh', background: '#f5f5f5' }}>
        <Suspense fallback={<SpinLoading style={{ margin: '40vh auto' }} />}>
          <Routes>
            <Route index element={<FieldHome />} />
            <Route path="patrol/*" element={<Allowed to="field.join" page={<Patrol />} />} />
            <Route path="visits/*" element={<Allowed to="field.join" page={<Visits />} />} />
            <Route path="report" element={<Allowed to="field.report" page={<Report />} />} />
            <Route path="tasks/*" element={<Allowed to="field.task" page={<Tasks />} />} />
            <Route path="hazard/*" element={<Allowed to="field.work" page={<Hazard />} />} />
            <Route path="fraud/*" element={<Allowed to="fraud.handle" page={<Fraud />} />} />
          </Routes>
        </Suspense>
      </div>
    </SessionContext.Provider>
  );
}
