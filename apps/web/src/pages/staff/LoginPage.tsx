import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Alert, Button, Heading1, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { api, setCsrfToken } from '../../api/client';
import { fieldErrors, networkProblem, toProblem, type ApiProblem } from '../../api/problem';
import { focusFirstInvalid, TextField } from '../../components/FormFields';
import type { LoginState } from '../../components/StaffSession';
import { useDocumentTitle } from '../../components/useDocumentTitle';

function loginState(value: unknown): LoginState {
  if (typeof value !== 'object' || value === null) return {};
  const state: LoginState = value;
  return state;
}

/** Staff log in: the session becomes an httpOnly cookie; the CSRF token stays in memory. */
export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const { reason } = loginState(location.state);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [missing, setMissing] = useState<{ username: boolean; password: boolean }>({ username: false, password: false });
  const [busy, setBusy] = useState(false);
  const [focusRequest, setFocusRequest] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  useDocumentTitle(t('login.title'));

  useEffect(() => {
    if (focusRequest === 0) return;
    if (!focusFirstInvalid(formRef.current)) alertRef.current?.focus();
  }, [focusRequest]);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const nowMissing = { username: username.trim() === '', password: password === '' };
    setMissing(nowMissing);
    if (nowMissing.username || nowMissing.password) {
      setProblem(null);
      setFocusRequest((n) => n + 1);
      return;
    }
    setBusy(true);
    try {
      const { data, error, response } = await api.POST('/api/v1/auth/session', { body: { username: username.trim(), password } });
      if (data !== undefined) {
        setCsrfToken(data.csrfToken);
        await navigate('/medewerkers', { replace: true });
        return;
      }
      setProblem(toProblem(error, response));
    } catch {
      setProblem(networkProblem());
    } finally {
      setBusy(false);
    }
    setPassword('');
    setFocusRequest((n) => n + 1);
  };

  const byField = fieldErrors(problem);
  const usernameError = missing.username ? t('login.usernameMissing') : byField.username ? t('login.usernameInvalid') : null;
  const passwordError = missing.password ? t('login.passwordMissing') : byField.password ? t('login.passwordInvalid') : null;
  let formError: string | null = null;
  if (problem !== null && problem.errors.length === 0) {
    if (problem.status === 401) formError = t('login.wrong');
    else if (problem.status === 429) formError = t('login.tooMany');
    else if (problem.status === 403) formError = t('login.inactive');
    else if (problem.status === 0) formError = t('errors.network');
    else formError = t('errors.server');
  }

  return (
    <>
      <Heading1>{t('login.title')}</Heading1>
      {reason === 'idle' && (
        <Alert type="info" className="wl-alert">
          <Paragraph>{t('login.reason.idle')}</Paragraph>
        </Alert>
      )}
      {reason === 'expired' && (
        <Alert type="info" className="wl-alert">
          <Paragraph>{t('login.reason.expired')}</Paragraph>
        </Alert>
      )}
      {reason === 'loggedOut' && (
        <Alert type="ok" className="wl-alert">
          <Paragraph>{t('login.reason.loggedOut')}</Paragraph>
        </Alert>
      )}
      {reason === 'required' && <Paragraph>{t('login.reason.required')}</Paragraph>}
      <Paragraph>{t('login.lead')}</Paragraph>

      <form ref={formRef} noValidate onSubmit={(event) => void onSubmit(event)} className="wl-form wl-form--narrow">
        <div ref={alertRef} tabIndex={-1} className="wl-focus-target">
          {formError !== null && (
            <Alert type="error" className="wl-alert">
              <Paragraph>{formError}</Paragraph>
            </Alert>
          )}
        </div>
        <TextField
          id="login-username"
          label={t('login.username')}
          value={username}
          onChange={setUsername}
          autoComplete="username"
          spellCheck={false}
          required
          error={usernameError}
        />
        <TextField
          id="login-password"
          label={t('login.password')}
          type="password"
          value={password}
          onChange={setPassword}
          autoComplete="current-password"
          required
          error={passwordError}
        />
        <Button type="submit" appearance="primary-action-button" busy={busy}>
          {t('login.submit')}
        </Button>
      </form>
    </>
  );
}
