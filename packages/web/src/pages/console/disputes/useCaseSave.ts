/** A case form's save: the server answers with the whole case, which replaces the page's; a toast says so. */
import type { DisputeView } from '@jingmin/shared';
import { useMutation } from '@tanstack/react-query';
import { App } from 'antd';
import { errorMessage } from '../../../api/client';

export function useCaseSave<V>(
  fn: (v: V) => Promise<DisputeView>,
  done: string,
  props: { onClose(): void; onChanged(next: DisputeView): void },
) {
  const { message } = App.useApp();
  return useMutation({
    mutationFn: fn,
    onSuccess: (next) => {
      message.success(done);
      props.onChanged(next);
      props.onClose();
    },
    onError: (err) => message.error(errorMessage(err)),
  });
}
