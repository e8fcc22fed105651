import { useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { networkProblem, toProblem, type ApiProblem } from '../api/problem';
import { useFocusRequest } from './useFocusRequest';

interface Answer<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

export interface Action {
  problem: ApiProblem | null;
  busy: boolean;
  message: string;
  formRef: RefObject<HTMLFormElement | null>;
  /** The localized error for a field the server named, or null. */
  errorFor: (field: string) => string | null;
  /** Sends; resolves to the success message, or null when it failed. */
  run: <T>(call: () => Promise<Answer<T>>, onSuccess: (data: T | undefined, response: Response) => string) => Promise<string | null>;
  clear: () => void;
  /** Focus the first invalid field once the next render has marked it. */
  focusInvalid: () => void;
}

/**
 * One staff form's request: busy while sending, the server's field errors next to their fields (focus on the
 * first), a status message when done.
 */
export function useAction(): Action {
  const { t, i18n } = useTranslation();
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');
  const formRef = useRef<HTMLFormElement>(null);
  const requestFocus = useFocusRequest(formRef);

  const run: Action['run'] = async (call, onSuccess) => {
    if (busy) return null;
    setBusy(true);
    setMessage('');
    try {
      const { data, error, response } = await call();
      if (response.ok) {
        setProblem(null);
        const done = onSuccess(data, response);
        setMessage(done);
        return done;
      }
      setProblem(toProblem(error, response));
    } catch {
      setProblem(networkProblem());
    } finally {
      setBusy(false);
    }
    requestFocus();
    return null;
  };

  const errorFor = (field: string): string | null => {
    if (!problem?.errors.some((e) => e.field === field)) return null;
    const key = `staffErrors.${field}`;
    return i18n.exists(key) ? (t as (k: string) => string)(key) : t('form.invalidAnswer');
  };

  return { problem, busy, message, formRef, errorFor, run, clear: () => setProblem(null), focusInvalid: requestFocus };
}
