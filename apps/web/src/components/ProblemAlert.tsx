import { Alert, Paragraph } from '@utrecht/component-library-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ApiProblem } from '../api/problem';

/** A plain-language sentence for an error answer, by its status. */
export function problemSentence(t: TFunction, problem: ApiProblem): string {
  const { status } = problem;
  if (status === 0) return t('errors.network');
  if (status === 401) return t('errors.unauthorized');
  if (status === 403) return t('errors.forbidden');
  if (status === 404) return t('errors.notFound');
  if (status === 409) return t('errors.conflict');
  if (status === 413) return t('errors.tooLarge');
  if (status === 429) return t('errors.tooMany');
  if (status === 400 || status === 422) {
    return problem.errors.length > 0 ? t('errors.fields', { count: problem.errors.length }) : t('errors.invalid');
  }
  return t('errors.server');
}

interface ProblemAlertProps {
  problem: ApiProblem | null;
  /** Field errors shown next to their fields; the rest (and the server's own words) are shown here. */
  shownFields?: readonly string[];
  id?: string;
}

/**
 * The error of a whole form, at its top. Field errors are shown next to their fields; what no field on the page
 * can show is listed here, in the words of the server (English: marked lang="en").
 */
export function ProblemAlert({ problem, shownFields = [], id }: ProblemAlertProps) {
  const { t } = useTranslation();
  if (problem === null) return null;
  const unshown = problem.errors.filter((e) => !shownFields.includes(e.field));
  const detail = problem.errors.length === 0 ? problem.detail : null;
  return (
    <Alert type="error" id={id} className="wl-alert">
      <Paragraph>{problemSentence(t, problem)}</Paragraph>
      {detail !== null && (
        <Paragraph lang="en" className="wl-server-words">
          {detail}
        </Paragraph>
      )}
      {unshown.length > 0 && (
        <ul className="wl-list" lang="en">
          {unshown.map((e) => (
            <li key={`${e.field}:${e.message}`}>{e.message}</li>
          ))}
        </ul>
      )}
    </Alert>
  );
}
