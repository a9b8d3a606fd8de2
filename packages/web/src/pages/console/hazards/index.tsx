/** Being built. */
export default function Page() {
  return null;
}
