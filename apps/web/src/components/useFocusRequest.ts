import { useCallback, useEffect, useState, type RefObject } from 'react';
import { focusFirstInvalid } from './FormFields';

/**
 * After an answer arrives (asynchronously), focus the first invalid field of a form once React has rendered the
 * errors; without one, focus the fallback (the form's alert).
 */
export function useFocusRequest(container: RefObject<HTMLElement | null>, fallback?: RefObject<HTMLElement | null>): () => void {
  const [request, setRequest] = useState(0);
  useEffect(() => {
    if (request === 0) return;
    if (focusFirstInvalid(container.current)) return;
    const target = fallback?.current ?? container.current?.querySelector<HTMLElement>('.wl-focus-target');
    target?.focus();
  }, [request, container, fallback]);
  return useCallback(() => setRequest((n) => n + 1), []);
}
