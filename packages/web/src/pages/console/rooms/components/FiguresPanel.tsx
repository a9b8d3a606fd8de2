/** 议事厅 figures of the station over a period (being built). */
export function FiguresPanel(_props: { stationId: string }) {
  return null;
}
