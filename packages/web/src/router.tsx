/**
 * The app's routes. The console (antd) and the resident pages (antd-mobile)
 * load lazily and separately: a resident's phone never downloads the console.
 */
import { lazy, Suspense } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useParams } from 'react-router';

const ConsoleApp = lazy(() => import('./pages/console/layout'));
const LoginPage = lazy(() => import('./pages/auth/login'));
const DoorplatePage = lazy(() => import('./pages/resident/doorplate'));
const MatterPage = lazy(() => import('./pages/resident/matter'));
const MyMattersPage = lazy(() => import('./pages/resident/my'));
const EvaluatePage = lazy(() => import('./pages/resident/evaluate'));
const MyRoomsPage = lazy(() => import('./pages/resident/rooms'));
const RoomInvitePage = lazy(() => import('./pages/resident/rooms/invite'));
const ResidentRoomPage = lazy(() => import('./pages/resident/rooms/room'));
const NoticePage = lazy(() => import('./pages/resident/notices'));
const PublicFiguresPage = lazy(() => import('./pages/resident/figures'));
const SubscribePage = lazy(() => import('./pages/resident/notices/subscribe'));
const FieldApp = lazy(() => import('./pages/field/layout'));
const VolunteerPages = lazy(() => import('./pages/volunteer'));
const NotFoundPage = lazy(() => import('./pages/not-found'));

/** /pp/<token> (short, for the printed code) opens the field page that checks in at that point. */
function PointCode() {
  const { token = '' } = useParams();
  return <Navigate to={`/field/patrol/scan/${encodeURIComponent(token)}`} replace />;
}

export function AppRouter() {
  return (
    <BrowserRouter>
      <Suspense fallback={null}>
        <Routes>
          <Route path="/" element={<Navigate to="/console" replace />} />
          <Route path="/login" element={<LoginPage />} />
          <Route path="/console/*" element={<ConsoleApp />} />
          <Route path="/field/*" element={<FieldApp />} />
          <Route path="/volunteer/*" element={<VolunteerPages />} />
          {/* A patrol point's printed QR code: checks in at the point during a patrol (pages/field/patrol). */}
          <Route path="/pp/:token" element={<PointCode />} />
          <Route path="/h/:token" element={<DoorplatePage />} />
          <Route path="/h" element={<DoorplatePage />} />
          <Route path="/m/:tracking" element={<MatterPage />} />
          <Route path="/my" element={<MyMattersPage />} />
          <Route path="/e/:token" element={<EvaluatePage />} />
          {/* 网上警民议事厅: an invitation QR, my rooms, a room. */}
          <Route path="/r/:token" element={<RoomInvitePage />} />
          <Route path="/rooms" element={<MyRoomsPage />} />
          <Route path="/rooms/:id" element={<ResidentRoomPage />} />
          {/* 平安提醒: one notice, and a verified phone's subscription. */}
          <Route path="/notices/subscribe" element={<SubscribePage />} />
          <Route path="/notices/:id" element={<NoticePage />} />
          {/* 公开数据: a station's public figures, the QR on its notice board (pages/console/public-figures). */}
          <Route path="/f/:stationId" element={<PublicFiguresPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </Suspense>
    </BrowserRouter>
  );
}
