import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isApiError, lockedUntilOf } from '../api/client.js';
import { useFormat } from './format.js';

/** The message for an API error in the console's language (the server's English one as a fallback). */
export function useErrorMessage(): (error: unknown) => string {
  const { t } = useTranslation();
  const format = useFormat();
  return (error) => {
    if (isApiError(error)) {
      const lockedUntil = lockedUntilOf(error);
      const until = lockedUntil ? format.dateTime(lockedUntil) : '';
      return t(`errors.${error.code}`, { defaultValue: error.message, until });
    }
    return t('errors.network');
  };
}

export function ErrorAlert({ error, title }: { error: unknown; title?: string }) {
  const message = useErrorMessage();
  if (!error) return null;
  return (
    <Alert color="red" variant="light" title={title} role="alert" data-testid="error">
      {message(error)}
    </Alert>
  );
}
