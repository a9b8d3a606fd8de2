/** The doorplate this phone last opened, so "my matters" can lead back to it. */
const LAST_DOORPLATE = 'jm.doorplate';

/** The doorplate this phone last opened: "my matters" links back to it. */
export function rememberDoorplate(token: string) {
  try {
    localStorage.setItem(LAST_DOORPLATE, token);
  } catch {
    // Private browsing: the way back is the QR code itself.
  }
}

export function lastDoorplate(): string | null {
  try {
    return localStorage.getItem(LAST_DOORPLATE);
  } catch {
    return null;
  }
}
