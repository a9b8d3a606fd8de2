import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { LangProvider } from './i18n';

// The console (antd) and the resident pages (antd-mobile) load separately: a resident's phone never downloads the console.
const ConsoleApp = lazy(() => import('./pages/console/ConsoleApp'));
const LoginPage = lazy(() => import('./pages/auth/LoginPage'));
const DoorplatePage = lazy(() => import('./pages/resident/DoorplatePage'));
const MatterPage = lazy(() => import('./pages/resident/MatterPage'));

const queryClient = new QueryClient({ defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } } });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <LangProvider>
        <BrowserRouter>
          <Suspense fallback={null}>
            <Routes>
              <Route path="/" element={<Navigate to="/console" replace />} />
              <Route path="/login" element={<LoginPage />} />
              <Route path="/console/*" element={<ConsoleApp />} />
              <Route path="/h/:token" element={<DoorplatePage />} />
              <Route path="/m/:tracking" element={<MatterPage />} />
              <Route path="*" element={<Navigate to="/console" replace />} />
            </Routes>
          </Suspense>
        </BrowserRouter>
      </LangProvider>
    </QueryClientProvider>
  </StrictMode>,
);
