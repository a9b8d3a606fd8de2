/**
 * What the signed-in account may do. The role → capability map lives on the
 * server (SessionView.capabilities); the console only reads it, so a menu
 * item or a button is shown exactly when the server would allow its call.
 */
import type { Capability, SessionView } from '@jingmin/shared';
import { createContext, useContext } from 'react';

export const SessionContext = createContext<SessionView | null>(null);

/** The current session; only inside the console layout. */
export function useSession(): SessionView {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside the console');
  return session;
}

/** can('staff.write') → whether the session holds that capability. */
export function useCan(): (cap: Capability) => boolean {
  const session = useSession();
  return (cap) => session.capabilities.includes(cap);
}
