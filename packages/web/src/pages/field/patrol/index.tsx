/** Being built: /field/patrol — start a patrol, scan the points' codes. */
export default function Patrol() {
  return null;
}
