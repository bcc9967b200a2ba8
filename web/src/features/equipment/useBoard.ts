// The equipment board, kept live over its stream: the first frame is the board now and
// every later frame a changed board (a machine's state, a count, an operation started).
import { useEffect, useState } from 'preact/hooks';
import { errorMessage } from '../../shared/http';
import { followBoard } from './api';
import type { Board } from './types';

export interface LiveBoard {
  board: Board | null;
  /** The stream is connected; false while it connects (again). */
  live: boolean;
  /** Why the board cannot be followed (no permission, signed out); '' while it can. */
  error: string;
}

export function useBoard(): LiveBoard {
  const [board, setBoard] = useState<Board | null>(null);
  const [live, setLive] = useState(false);
  const [error, setError] = useState('');
  useEffect(
    () =>
      followBoard({
        onBoard: setBoard,
        onLive: setLive,
        onEnd: (e) => setError(errorMessage(e)),
      }),
    [],
  );
  return { board, live, error };
}

/** The time now, again every second (for the time in state). */
export function useNow(): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return now;
}
