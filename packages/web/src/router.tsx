/**
 * The app's routes. The console (antd) and the resident pages (antd-mobile)
 * load lazily and separately: a resident's phone never downloads the console.
 */
import { lazy, Suspense } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';

const ConsoleApp = lazy(() => import('./pages/console/layout'));
const LoginPage = lazy(() => import('./pages/auth/login'));
const DoorplatePage = lazy(() => import('./pages/resident/doorplate'));
const MatterPage = lazy(() => import('./pages/resident/matter'));
const MyMattersPage = lazy(() => import('./pages/resident/my'));
const EvaluatePage = lazy(() => import('./pages/resident/evaluate'));
const NotFoundPage = lazy(() => import('./pages/not-found'));

export function AppRouter() {
  return (
    <BrowserRouter>
      <Suspense fallback={null}>
        <Routes>
          <Route path="/" element={<Navigate to="/console" replace />} />
          <Route path="/login" element={<LoginPage />} />
          <Route path="/console/*" element={<ConsoleApp />} />
          <Route path="/h/:token" element={<DoorplatePage />} />
          <Route path="/h" element={<DoorplatePage />} />
          <Route path="/m/:tracking" element={<MatterPage />} />
          <Route path="/my" element={<MyMattersPage />} />
          <Route path="/e/:token" element={<EvaluatePage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </Suspense>
    </BrowserRouter>
  );
}
