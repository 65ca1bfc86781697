import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, setCsrfToken, unwrap, whenSessionLost } from '../api/client.ts';
import { takeOpeningBody } from '../api/opening.ts';
import type { User, WhoAmI } from '../api/types.ts';
import { dropAllDrafts } from './drafts.ts';

/**
 * Who is signed in: the session cookie (HttpOnly, set by POST /auth/login) and GET /auth/me for the
 * roles and scopes that decide what the console shows. A 401 from any request ends the session in
 * the console too (`lost`), and the sign-in page brings the person back where they were.
 */
export type Session =
  | { readonly status: 'loading' }
  | { readonly status: 'signedOut'; readonly lost: boolean }
  | { readonly status: 'signedIn'; readonly me: WhoAmI; readonly user: User | undefined };

interface Auth {
  readonly session: Session;
  readonly signIn: (username: string, password: string) => Promise<void>;
  readonly signOut: () => Promise<void>;
}

const USER_KEY = 'finbridge.user';
const AuthContext = createContext<Auth | undefined>(undefined);

/** The login answer's user (display name, employee code), kept for this tab: /auth/me does not carry it. */
function keptUser(id: string): User | undefined {
  try {
    const raw = sessionStorage.getItem(USER_KEY);
    const user = raw === null ? undefined : (JSON.parse(raw) as User);
    return user !== undefined && `user:${user.username}` === id ? user : undefined;
  } catch {
    return undefined;
  }
}

async function fetchMe(): Promise<WhoAmI> {
  const me = await unwrap(api.GET('/auth/me'));
  setCsrfToken(me.csrfToken);
  return me;
}

/**
 * The session check: answered in the opening page itself when the server put it there (the first
 * render is then already signed in), else asked as soon as the console's code runs rather than after
 * its first render, so the opening page has its answer a render earlier (npm run bench -- console).
 * Taken once, by the first AuthProvider to mount. On the server (entry-server.tsx) each render takes
 * the answer it was given.
 */
const inBrowser = typeof document !== 'undefined';
let openedMe = inBrowser ? (takeOpeningBody('/auth/me') as WhoAmI | undefined) : undefined;
if (openedMe !== undefined) setCsrfToken(openedMe.csrfToken);
let openingCheck: Promise<WhoAmI> | undefined = inBrowser && openedMe === undefined ? fetchMe() : undefined;
openingCheck?.catch(() => undefined); // signed out: the provider reads the refusal, nothing is unhandled

const signedIn = (me: WhoAmI): Session => ({ status: 'signedIn', me, user: me.user ?? keptUser(me.id) });
const openingSession = (): Session => {
  const me = inBrowser ? openedMe : (takeOpeningBody('/auth/me') as WhoAmI | undefined);
  return me === undefined ? { status: 'loading' } : signedIn(me);
};

export function AuthProvider({ children }: { readonly children: ReactNode }) {
  const [session, setSession] = useState<Session>(openingSession);
  const [opened] = useState(session.status === 'signedIn');

  useEffect(() => {
    if (opened) return;
    let live = true;
    const check = openingCheck ?? fetchMe();
    openingCheck = undefined;
    check.then(
      (me) => {
        if (live) setSession(signedIn(me));
      },
      () => {
        if (live) setSession({ status: 'signedOut', lost: false });
      },
    );
    return () => {
      live = false;
    };
  }, [opened]);

  useEffect(() => {
    whenSessionLost(() => {
      openedMe = undefined;
      setCsrfToken(undefined);
      setSession((s) => (s.status === 'signedIn' ? { status: 'signedOut', lost: true } : s));
    });
    return () => whenSessionLost(undefined);
  }, []);

  const signIn = useCallback(async (username: string, password: string) => {
    const answer = await unwrap(api.POST('/auth/login', { body: { username, password } }));
    setCsrfToken(answer.csrfToken);
    try {
      sessionStorage.setItem(USER_KEY, JSON.stringify(answer.user));
    } catch {
      // not kept: the name falls back to the username after a reload
    }
    const me = await fetchMe();
    setSession({ status: 'signedIn', me, user: answer.user });
  }, []);

  const signOut = useCallback(async () => {
    try {
      await api.POST('/auth/logout');
    } finally {
      openedMe = undefined;
      setCsrfToken(undefined);
      dropAllDrafts();
      sessionStorage.removeItem(USER_KEY);
      setSession({ status: 'signedOut', lost: false });
    }
  }, []);

  const value = useMemo(() => ({ session, signIn, signOut }), [session, signIn, signOut]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const value = useContext(AuthContext);
  if (value === undefined) throw new Error('useAuth outside <AuthProvider>');
  return value;
}

/** The signed-in person (inside the signed-in part of the console). */
export function useMe(): { readonly me: WhoAmI; readonly user: User | undefined; readonly name: string } {
  const { session } = useAuth();
  if (session.status !== 'signedIn') throw new Error('useMe outside the signed-in console');
  const name = session.user?.displayName ?? session.me.id.replace(/^user:/, '');
  return { me: session.me, user: session.user, name };
}
