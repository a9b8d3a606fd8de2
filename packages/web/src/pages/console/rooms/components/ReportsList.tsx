/** Posts residents reported, waiting for a host (being built). */
export function ReportsList(_props: { stationId: string }) {
  return null;
}
