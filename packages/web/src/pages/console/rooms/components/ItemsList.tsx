/** The station's lost and found across its rooms (being built). */
export function ItemsList(_props: { stationId: string }) {
  return null;
}
