import { useCallback, useEffect, useRef, useState } from "react";

/** The state of one request a view depends on. */
export type RequestState<T> =
  | { readonly status: "idle" }
  | { readonly status: "loading" }
  | { readonly status: "error"; readonly message: string }
  | { readonly status: "done"; readonly data: T };

/**
 * Runs `load` whenever `key` changes (null: nothing to load), cancelling the previous run,
 * and exposes loading and error states; `reload` runs it again.
 */
export function useRequest<T>(key: string | null, load: (signal: AbortSignal) => Promise<T>): RequestState<T> & { reload(): void } {
  const [state, setState] = useState<RequestState<T>>({ status: "idle" });
  const [attempt, setAttempt] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  useEffect(() => {
    if (key === null) {
      setState({ status: "idle" });
      return;
    }
    const controller = new AbortController();
    setState({ status: "loading" });
    loadRef.current(controller.signal).then(
      (data) => controller.signal.aborted || setState({ status: "done", data }),
      (error: unknown) =>
        controller.signal.aborted || setState({ status: "error", message: error instanceof Error ? error.message : String(error) }),
    );
    return () => controller.abort();
  }, [key, attempt]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, reload };
}
