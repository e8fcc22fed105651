import { useEffect, useRef, useState } from 'react';

const ACTIVITY_EVENTS = ['keydown', 'mousedown', 'mousemove', 'wheel', 'touchstart', 'pointerdown'] as const;

/**
 * Calls onTimeout after timeoutMs without keyboard or mouse activity, and reports a warning warnMs before that
 * (WCAG 2.2.1: the person can stay logged in with one action). Any activity starts the clock again.
 */
export function useIdleTimeout(timeoutMs: number, warnMs: number, onTimeout: () => void): { warning: boolean; stayActive: () => void } {
  const [warning, setWarning] = useState(false);
  const lastActivity = useRef(Date.now());
  const onTimeoutRef = useRef(onTimeout);
  const [restart, setRestart] = useState(0);

  useEffect(() => {
    onTimeoutRef.current = onTimeout;
  }, [onTimeout]);

  useEffect(() => {
    let warnTimer: number | undefined;
    let outTimer: number | undefined;
    let done = false;

    const schedule = () => {
      window.clearTimeout(warnTimer);
      window.clearTimeout(outTimer);
      const idle = Date.now() - lastActivity.current;
      const untilWarn = Math.max(0, timeoutMs - warnMs - idle);
      const untilOut = Math.max(0, timeoutMs - idle);
      warnTimer = window.setTimeout(check, untilWarn);
      outTimer = window.setTimeout(check, untilOut);
    };
    const check = () => {
      if (done) return;
      const idle = Date.now() - lastActivity.current;
      if (idle >= timeoutMs) {
        done = true;
        setWarning(false);
        onTimeoutRef.current();
        return;
      }
      setWarning(idle >= timeoutMs - warnMs);
      schedule();
    };
    let lastReset = 0;
    const onActivity = () => {
      lastActivity.current = Date.now();
      // Rescheduling on every mouse move is wasteful: at most once a second.
      if (lastActivity.current - lastReset < 1000) return;
      lastReset = lastActivity.current;
      setWarning(false);
      schedule();
    };

    lastActivity.current = Date.now();
    schedule();
    for (const type of ACTIVITY_EVENTS) window.addEventListener(type, onActivity, { passive: true, capture: true });
    return () => {
      done = true;
      window.clearTimeout(warnTimer);
      window.clearTimeout(outTimer);
      for (const type of ACTIVITY_EVENTS) window.removeEventListener(type, onActivity, { capture: true });
    };
  }, [timeoutMs, warnMs, restart]);

  return { warning, stayActive: () => setRestart((n) => n + 1) };
}
