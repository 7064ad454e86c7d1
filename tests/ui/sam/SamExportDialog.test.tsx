// @vitest-environment happy-dom
import { act } from 'react';
import { useReactHost } from '../../helpers/reactHost';
import { describe, expect, it, vi } from 'vitest';
import { getPreset } from '../../../src/scenarios/presets';
import { SamExportDialog } from '../../../src/ui/sam/SamExportDialog';

const view = useReactHost();

const scenario = getPreset('sqs-redrive-to-dlq')!;

function mount(open = true) {
  const onClose = vi.fn();
  act(() => view.root.render(<SamExportDialog open={open} onClose={onClose} scenario={scenario} />));
  return onClose;
}

const textarea = () => view.host.querySelector('textarea')!;
const status = () => view.host.querySelector('[role="status"]')!.textContent;
const button = (name: string) => {
  const found = [...view.host.querySelectorAll('button')].find((b) => b.textContent === name);
  if (!found) throw new Error(`no "${name}" button`);
  return found;
};

describe('SamExportDialog', () => {
  it('shows the scenario as a read-only, labelled SAM template', () => {
    mount();
    const dialog = view.host.querySelector('dialog')!;
    expect(dialog.open).toBe(true);
    expect(document.getElementById(dialog.getAttribute('aria-labelledby')!)?.textContent).toBe(
      'Export as a SAM template',
    );
    expect(textarea().readOnly).toBe(true);
    expect(view.host.querySelector(`label[for="${textarea().id}"]`)?.textContent).toBe(
      `SAM template for “${scenario.title}”`,
    );
    expect(textarea().value).toMatch(/^# SAM template exported by the Lambda invocation visualizer/);
    expect(textarea().value).toContain('Transform: AWS::Serverless-2016-10-31');
    expect(textarea().value).toContain('deadLetterTargetArn: !GetAtt OrdersQueueDlq.Arn');
  });

  it('builds nothing while closed', () => {
    mount(false);
    expect(textarea().value).toBe('');
  });

  it('Copy writes the template to the clipboard and says so', async () => {
    const writeText = vi.fn().mockResolvedValue(undefined);
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    mount();
    await act(async () => button('Copy').click());
    expect(writeText).toHaveBeenCalledWith(textarea().value);
    expect(status()).toBe('Copied to the clipboard.');
  });

  it('without clipboard access, Copy selects the text and says how to copy it', async () => {
    vi.stubGlobal('navigator', {
      ...navigator,
      clipboard: { writeText: vi.fn().mockRejectedValue(new Error('denied')) },
    });
    mount();
    await act(async () => button('Copy').click());
    expect(document.activeElement).toBe(textarea());
    expect(textarea().selectionEnd - textarea().selectionStart).toBe(textarea().value.length);
    expect(status()).toMatch(/press Ctrl\+C/);
  });

  it('Download saves a YAML file named after the scenario', async () => {
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:template';
    });
    const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    mount();
    act(() => button('Download').click());
    const clicked = click.mock.contexts[0] as HTMLAnchorElement | undefined;
    expect(clicked?.download).toBe('sqs-redrive-to-dlq.template.yaml');
    expect(clicked?.href).toBe('blob:template');
    expect(await blobs[0]!.text()).toBe(textarea().value);
    await vi.waitFor(() => expect(revoke).toHaveBeenCalledWith('blob:template'));
    expect(status()).toBe('Downloaded sqs-redrive-to-dlq.template.yaml.');
  });

  it('Close and Escape ask the owner to close', () => {
    const onClose = mount();
    act(() => button('Close').click());
    act(() => {
      view.host
        .querySelector('dialog')!
        .dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    expect(onClose).toHaveBeenCalledTimes(2);
  });
});
