/**
 * /field/*: the pages a rural officer, an auxiliary or a grid worker opens on a phone in the village (antd-mobile,
 * like the resident pages): visits due, patrols and their check-ins, hazards. Signed in as at the console; a page
 * opened from a point's QR code comes back here after signing in.
 */
import { useQuery } from '@tanstack/react-query';
import { SpinLoading } from 'antd-mobile';
import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { SessionContext } from '../../../access';
import { auth } from '../../../api/auth';
import { RESIDENT_CSS } from '../../resident/components/residentStyle';

const FieldHome = lazy(() => import('../home'));
const Patrol = lazy(() => import('../patrol'));

export default function FieldApp() {
  const location = useLocation();
  const session = useQuery({ queryKey: ['session'], queryFn: auth.session, retry: false, staleTime: 60_000 });
  if (session.isPending) return <SpinLoading style={{ margin: '40vh auto' }} />;
  if (session.data?.stage !== 'full')
    return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  return (
    <SessionContext.Provider value={session.data}>
      <style>{RESIDENT_CSS}</style>
      <div className="jm-resident" style={{ minHeight: '100vh', background: '#f5f5f5' }}>
        <Suspense fallback={<SpinLoading style={{ margin: '40vh auto' }} />}>
          <Routes>
            <Route index element={<FieldHome />} />
            <Route path="patrol/*" element={<Patrol />} />
          </Routes>
        </Suspense>
      </div>
    </SessionContext.Provider>
  );
}
