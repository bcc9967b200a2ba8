// Loads `load()` again whenever `key` changes; the latest answer wins.
import { useEffect, useState } from 'preact/hooks';
import { errorMessage } from '../shared/http';

export type Loaded<T> = { data?: T; error?: string; loading: boolean };

export function useApi<T>(load: () => Promise<T>, key: string): Loaded<T> {
  const [state, setState] = useState<Loaded<T>>({ loading: true });
  useEffect(() => {
    let live = true;
    setState({ loading: true }); // never the previous window's figures under the new one
    load()
      .then((data) => live && setState({ data, loading: false }))
      .catch((err) => live && setState({ error: errorMessage(err), loading: false }));
    return () => {
      live = false;
    };
  }, [key]);
  return state;
}
