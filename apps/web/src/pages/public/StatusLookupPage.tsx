import { useRef, useState, type FormEvent } from 'react';
import { Button, Heading1, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { TextField } from '../../components/FormFields';
import { useDocumentTitle } from '../../components/useDocumentTitle';

/** Follow a question: type the tracking code. */
export function StatusLookupPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  useDocumentTitle(t('statusLookup.title'));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = code.replace(/\s/g, '');
    if (trimmed === '') {
      setError(t('statusLookup.empty'));
      window.requestAnimationFrame(() => formRef.current?.querySelector<HTMLInputElement>('input')?.focus());
      return;
    }
    void navigate(`/status/${encodeURIComponent(trimmed)}`);
  };

  return (
    <>
      <Heading1>{t('statusLookup.title')}</Heading1>
      <Paragraph lead>{t('statusLookup.lead')}</Paragraph>
      <form ref={formRef} noValidate onSubmit={onSubmit} className="wl-form">
        <TextField
          id="status-code"
          label={t('statusLookup.label')}
          description={t('statusLookup.description')}
          value={code}
          onChange={setCode}
          autoComplete="off"
          spellCheck={false}
          required
          error={error}
        />
        <Button type="submit" appearance="primary-action-button">
          {t('statusLookup.submit')}
        </Button>
      </form>
    </>
  );
}
