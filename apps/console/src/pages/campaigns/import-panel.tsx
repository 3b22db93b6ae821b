import type { ImportAnswer } from '@bluezone/api';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { post } from '../../api/client.js';
import { CsvImportForm } from './csv-import-form.js';

const EXAMPLE = 'date,province,district,source,installs,active\n2020-08-10,VN-20,,store:google,1520,1300';

/** Counts reported by others (app stores, telecom operators) as CSV; wrong lines listed one by one. */
export function ImportPanel() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [csv, setCsv] = useState('');
  const upload = useMutation({
    mutationFn: () => post<ImportAnswer>('/adoption/import', { csv }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['adoption'] }),
  });
  return (
    <CsvImportForm
      id="import-title"
      title={t('campaigns.importTitle')}
      submitLabel={t('campaigns.import')}
      help={t('campaigns.importHelp')}
      header={EXAMPLE.split('\n')[0] ?? ''}
      csvLabel={t('campaigns.importCsv')}
      example={EXAMPLE}
      csv={csv}
      onCsv={setCsv}
      onSubmit={() => upload.mutate()}
      upload={upload}
      imported={
        upload.data
          ? t('campaigns.imported', { n: upload.data.imported, sources: upload.data.sources.join(', ') })
          : undefined
      }
      problemsTestId="import-problems"
      canSubmit={csv.trim() !== ''}
    />
  );
}
