import { useEffect, useState } from 'react';
import { storage } from 'wxt/utils/storage';
import * as z from 'zod/mini';
import { KEYS } from '../../lib/storage/keys';
import { storageProblemSchema } from '../../lib/storage/validated-item';
import { translate as t } from '../translate';

type Problem = z.infer<typeof storageProblemSchema>;

const parse = (raw: unknown): Problem | null => {
  const parsed = z.safeParse(storageProblemSchema, raw);
  return parsed.success ? parsed.data : null;
};

/** The browser refused a write (usually its storage quota): say so, since drafts and metrics may not be kept. */
export function StorageProblem() {
  const [problem, setProblem] = useState<Problem | null>(null);
  useEffect(() => {
    void storage.getItem<unknown>(KEYS.storageProblem).then((raw) => setProblem(parse(raw)));
    return storage.watch<unknown>(KEYS.storageProblem, (raw) => setProblem(parse(raw)));
  }, []);
  if (!problem) return null;
  return (
    <p className="warning" role="alert">
      {t('popupStorageProblem', [problem.message])}
    </p>
  );
}
