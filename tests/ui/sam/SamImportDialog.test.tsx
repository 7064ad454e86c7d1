// @vitest-environment happy-dom
import { act } from 'react';
import { useReactHost } from '../../helpers/reactHost';
import { describe, expect, it, vi } from 'vitest';
import { SamImportDialog } from '../../../src/ui/sam/SamImportDialog';
import { fixture } from '../../scenarios/sam/samHelpers';

const view = useReactHost();

function mount(open = true) {
  const handlers = {
    onClose: vi.fn<() => void>(),
    onRun: vi.fn<(scenario: unknown, title: string) => void>(),
  };
  act(() => view.root.render(<SamImportDialog open={open} {...handlers} />));
  return handlers;
}

const dialog = () => view.host.querySelector('dialog')!;
const textarea = () => view.host.querySelector('textarea')!;
const button = (name: string) => {
  const found = [...view.host.querySelectorAll('button')].find((b) => b.textContent === name);
  if (!found) throw new Error(`no "${name}" button`);
  return found;
};

function type(text: string) {
  // React listens for 'input' and reads the value through the native setter it tracks.
  const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set;
  act(() => {
    setter?.call(textarea(), text);
    textarea().dispatchEvent(new Event('input', { bubbles: true }));
  });
}

function readTemplate(text: string) {
  type(text);
  act(() => button('Read template').click());
}

describe('SamImportDialog', () => {
  it('opens as a modal titled for SAM and CloudFormation, with the template box focused and labelled', () => {
    const showModal = vi.spyOn(HTMLDialogElement.prototype, 'showModal');
    mount();
    expect(showModal).toHaveBeenCalledTimes(1);
    expect(dialog().open).toBe(true);
    const title = document.getElementById(dialog().getAttribute('aria-labelledby')!);
    expect(title?.textContent).toBe('Import a SAM or CloudFormation template');
    expect(document.activeElement).toBe(textarea());
    expect(view.host.querySelector(`label[for="${textarea().id}"]`)?.textContent).toBe(
      'Template (YAML or JSON)',
    );
    expect(button('Read template').disabled).toBe(true);
    expect(button('Run this scenario').disabled).toBe(true);
  });

  it('reads a template, shows the grouped report with paths, and runs the scenario', () => {
    const { onRun, onClose } = mount();
    readTemplate(fixture('sqs-with-dlq.yaml'));
    expect(view.host.querySelector('.sam-summary')?.textContent).toMatch(
      /^Read OrdersFunction: \d+ settings understood/,
    );
    const groups = [...view.host.querySelectorAll('.sam-report-group summary')].map((s) => s.textContent);
    expect(groups).toEqual([
      expect.stringMatching(/^Warnings \(1\)/),
      expect.stringMatching(/^Assumed \(2\)/),
      expect.stringMatching(/^Ignored \(\d+\)/),
      expect.stringMatching(/^Understood \(\d+\)/),
    ]);
    const warning = view.host.querySelector('.sam-report-warnings .sam-report-line')!;
    expect(warning.querySelector('code')?.textContent).toBe(
      'Resources.OrdersQueue.Properties.VisibilityTimeout',
    );
    expect(warning.querySelector('.sam-report-lineno')?.textContent).toBe('line 35');
    expect(view.host.querySelector('.sam-report-assumed')?.textContent).toMatch(/Workload: 10 messages/);

    act(() => button('Run this scenario').click());
    expect(onRun).toHaveBeenCalledTimes(1);
    const [scenario, title] = onRun.mock.calls[0]!;
    expect(scenario).toMatchObject({
      function: { FunctionName: 'process-orders' },
      sources: [{ type: 'sqs' }],
    });
    expect(title).toBe('process-orders (imported)');
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('Ctrl+Enter in the template box reads it', () => {
    mount();
    type(fixture('fifo-queue.yaml'));
    act(() => {
      textarea().dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true }));
    });
    expect(view.host.querySelector('.sam-summary')?.textContent).toMatch(/^Read PaymentsFunction/);
  });

  it('bad YAML: the error names the line and column, the text stays, Run stays off', () => {
    mount();
    const text = fixture('bad-yaml.template');
    readTemplate(text);
    const alert = view.host.querySelector('.sam-errors')!;
    expect(alert.getAttribute('role')).toBe('alert');
    expect(alert.textContent).toMatch(/\(template\).*YAML syntax error at line \d+, column \d+/);
    expect(textarea().value).toBe(text);
    expect(button('Run this scenario').disabled).toBe(true);
  });

  it('§1.2 Timeout 901: the error names the template path and AWS’s wording', () => {
    mount();
    readTemplate(fixture('timeout-901.yaml'));
    const line = view.host.querySelector('.sam-errors .sam-report-line')!;
    expect(line.querySelector('code')?.textContent).toBe('Resources.SlowFunction.Properties.Timeout');
    expect(line.textContent).toMatch(/line 11/);
    expect(line.textContent).toMatch(
      /Value '901' at 'timeout' failed to satisfy constraint: Member must have value less than or equal to 900/,
    );
  });

  it('several functions: a labelled picker re-reads the template for the chosen one', () => {
    const { onRun } = mount();
    readTemplate(fixture('two-functions.yaml'));
    const select = view.host.querySelector('select')!;
    expect(view.host.querySelector(`label[for="${select.id}"]`)?.textContent).toBe('Function to import');
    expect([...select.options].map((o) => o.value)).toEqual(['ProducerFunction', 'WorkerFunction']);
    expect(select.value).toBe('ProducerFunction');
    act(() => {
      select.value = 'WorkerFunction';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(view.host.querySelector('.sam-summary')?.textContent).toMatch(/^Read WorkerFunction/);
    act(() => button('Run this scenario').click());
    expect(onRun.mock.calls[0]![0]).toMatchObject({ function: { FunctionName: 'worker' } });
  });

  it('an edited template must be read again before it runs', () => {
    mount();
    readTemplate(fixture('sqs-with-dlq.yaml'));
    expect(button('Run this scenario').disabled).toBe(false);
    type(`${textarea().value}\n# edited`);
    expect(view.host.querySelector('.sam-stale')?.textContent).toMatch(/read it again/);
    expect(button('Run this scenario').disabled).toBe(true);
  });

  it('never renders template text as HTML', () => {
    mount();
    const text = fixture('sqs-with-dlq.yaml').replace(
      '      Policies:',
      '      "<img src=x onerror=alert(1)>": 1\n      Policies:',
    );
    readTemplate(text);
    expect(view.host.querySelector('img')).toBeNull();
    expect(view.host.textContent).toContain(
      'Resources.OrdersFunction.Properties.<img src=x onerror=alert(1)>',
    );
  });

  it('Open file… reads a chosen file into the box and reads it', async () => {
    mount();
    const input = view.host.querySelector<HTMLInputElement>('input[type="file"]')!;
    expect(input.accept).toBe('.yaml,.yml,.json,.template');
    const click = vi.spyOn(input, 'click').mockImplementation(() => {});
    act(() => button('Open file…').click());
    expect(click).toHaveBeenCalled();
    const file = new File([fixture('cloudformation.json')], 'stack.json', { type: 'application/json' });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    await act(async () => {
      input.dispatchEvent(new Event('change', { bubbles: true }));
      await file.text();
    });
    await vi.waitFor(() =>
      expect(view.host.querySelector('.sam-summary')?.textContent).toMatch(/^Read ShipmentsFunction/),
    );
    expect(textarea().value).toBe(fixture('cloudformation.json'));
  });

  it('focus goes back to the opener when the owner closes the dialog, or unmounts it while open', () => {
    const opener = document.createElement('button');
    document.body.append(opener);
    opener.focus();
    const handlers = mount();
    expect(document.activeElement).toBe(textarea());
    act(() => view.root.render(<SamImportDialog open={false} {...handlers} />));
    expect(document.activeElement).toBe(opener);
    act(() => view.root.render(<SamImportDialog open {...handlers} />));
    expect(document.activeElement).toBe(textarea());
    act(() => view.root.render(<></>));
    expect(document.activeElement).toBe(opener);
    opener.remove();
  });

  it('Escape and Close ask the owner to close; closing keeps the text', () => {
    const handlers = mount();
    type('Resources: {}');
    act(() => {
      dialog().dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    expect(handlers.onClose).toHaveBeenCalledTimes(1);
    act(() => button('Close').click());
    expect(handlers.onClose).toHaveBeenCalledTimes(2);
    act(() => view.root.render(<SamImportDialog open={false} {...handlers} />));
    expect(dialog().open).toBe(false);
    act(() => view.root.render(<SamImportDialog open {...handlers} />));
    expect(textarea().value).toBe('Resources: {}');
  });
});
