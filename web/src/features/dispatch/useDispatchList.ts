// A work unit's dispatch list, kept live: the stream's first frame is the list now and
// every later frame a changed list (another terminal's start, a supervisor's move, an
// order released or held). `replace` puts in a list the page got itself (a move's reply).
import { useEffect, useState } from 'preact/hooks';
import { errorMessage } from '../../shared/http';
import { followDispatch } from './api';
import type { DispatchList } from './types';

export interface LiveDispatchList {
  list: DispatchList | null;
  /** The stream is connected; false while it connects (again). */
  live: boolean;
  /** Why the list cannot be followed (unknown unit, signed out); '' while it can. */
  error: string;
  /** Counts the lists received, so that what depends on the list can load again. */
  version: number;
  replace: (list: DispatchList) => void;
}

export function useDispatchList(workUnit: string | null): LiveDispatchList {
  const [list, setList] = useState<DispatchList | null>(null);
  const [live, setLive] = useState(false);
  const [error, setError] = useState('');
  const [version, setVersion] = useState(0);
  useEffect(() => {
    setList(null);
    setError('');
    if (!workUnit) return undefined;
    return followDispatch(workUnit, {
      onList: (l) => {
        setList(l);
        setVersion((v) => v + 1);
      },
      onLive: setLive,
      onEnd: (e) => setError(errorMessage(e)),
    });
  }, [workUnit]);
  const replace = (l: DispatchList) => {
    setList(l);
    setVersion((v) => v + 1);
  };
  return { list, live, error, version, replace };
}
