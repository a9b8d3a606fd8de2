/** Placeholder: the helper building this page replaces this file. */
export default function Page() {
  return null;
}
