/**
 * /field/patrol: a field worker's patrol on the phone — start one (team, route), see the route's points with ✓
 * as they are checked, end it. /field/patrol/scan/:token is where a point's printed QR code lands (via /pp/<token>):
 * it checks in there and says so, or says why not. /field/patrol/found reports what the patrol found as a matter.
 * A volunteer (field.join without field.work) starts patrols of its own teams only.
 */
import { Route, Routes } from 'react-router';
import { PatrolHome } from './components/PatrolHome';
import { ReportFinding } from './components/ReportFinding';
import { ScanPoint } from './components/ScanPoint';

export default function Patrol() {
  return (
    <Routes>
      <Route index element={<PatrolHome />} />
      <Route path="scan/:token" element={<ScanPoint />} />
      <Route path="found" element={<ReportFinding />} />
    </Routes>
  );
}
